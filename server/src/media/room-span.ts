import crypto from 'node:crypto';
import type { types as ms } from 'mediasoup';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { LinkOpenedSchema, LinkOpenSchema, type PipeEndpoint } from './link-messages';
import type { ListenAddress } from './listen-plan';
import { nodeChannel, type NodeChannel } from './node-channel';
import type { Room } from './room';
import { endpointOf, RoomLink, type LinkSide } from './room-link';

/**
 * A room spanning nodes (ROOM_SPAN=on): a node reached for a room whose lease another node holds
 * opens a satellite room here and links it to the home node's room with a pair of PipeTransports
 * (SRTP on, RTX on, since the two routers are on different hosts). The satellite asks over the
 * node channel; the home node opens its end, connects, and answers with its address and its peers.
 */
export interface RoomSpan {
  /** Links `room` (opened here) to the same room on `home`; throws `unavailable` if that fails. */
  link(room: Room, home: string): Promise<void>;
  /** Where link requests find this node's rooms. */
  serve(lookup: (roomId: string) => Room | undefined): void;
  close(): Promise<void>;
}

export async function createRoomSpan(url: string, nodeId: string, secret: string, pipeAddress: ListenAddress, log: Logger): Promise<RoomSpan> {
  const links = new Map<string, RoomLink>();
  let lookup: (roomId: string) => Room | undefined = () => undefined;

  const openPipe = (room: Room) =>
    room.router.createPipeTransport({
      listenInfo: { protocol: 'udp', ip: pipeAddress.ip, ...(pipeAddress.announcedIp ? { announcedIp: pipeAddress.announcedIp } : {}) },
      enableSrtp: true,
      enableRtx: true,
      appData: { consultationId: room.id },
    });
  const connect = (pipe: ms.PipeTransport, to: PipeEndpoint) => pipe.connect({ ip: to.ip, port: to.port, srtpParameters: to.srtpParameters });
  const track = (link: RoomLink) => {
    links.set(link.id, link);
    link.once('closed', () => links.delete(link.id));
  };
  const newLink = (id: string, remote: string, side: LinkSide, room: Room, pipe: ms.PipeTransport, opened?: Promise<void>) =>
    new RoomLink(id, remote, side, room, pipe, (event) => channel.send(remote, id, event), log.child({ roomId: room.id }), opened);

  const channel: NodeChannel = await nodeChannel(
    url,
    nodeId,
    secret,
    {
      async request(from, raw) {
        const parsed = LinkOpenSchema.safeParse(raw);
        if (!parsed.success) throw new AppError('bad_request', 'Malformed link request');
        const { roomId, linkId, pipe: remote } = parsed.data;
        const room = lookup(roomId);
        if (!room || room.closed) throw new AppError('not_found', 'No such room on this node');
        const pipe = await openPipe(room);
        try {
          await connect(pipe, remote);
        } catch (err) {
          pipe.close();
          throw err;
        }
        const link = newLink(linkId, from, 'home', room, pipe);
        room.attach(link);
        track(link);
        log.info({ roomId, linkId, satellite: from }, 'room linked to a satellite');
        return { body: { pipe: endpointOf(pipe), peers: room.remotePeersFor(link) }, after: () => link.start() };
      },
      event(linkId, from, event) {
        const link = links.get(linkId);
        if (link && link.remoteNode === from) link.receive(event);
      },
    },
    log,
  );

  return {
    async link(room, home) {
      const id = crypto.randomUUID();
      const pipe = await openPipe(room);
      let opened!: () => void;
      const link = newLink(id, home, 'satellite', room, pipe, new Promise<void>((resolve) => (opened = resolve)));
      track(link);
      try {
        const answer = LinkOpenedSchema.parse(await channel.request(home, { roomId: room.id, linkId: id, pipe: endpointOf(pipe) }));
        await connect(pipe, answer.pipe);
        link.addPeers(answer.peers);
        room.attach(link);
        link.start();
        opened();
        log.info({ roomId: room.id, linkId: id, home }, 'satellite room linked to its home node');
      } catch (err) {
        link.close('shutdown');
        opened();
        log.warn({ err, roomId: room.id, home }, 'room link not opened');
        throw new AppError('unavailable', 'The room’s home node could not be linked');
      }
    },
    serve(fn) {
      lookup = fn;
    },
    async close() {
      for (const link of [...links.values()]) link.close('shutdown');
      await channel.close();
    },
  };
}
