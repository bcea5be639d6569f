import { CircuitOpenError, HisError } from '../../integrations/his';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { parseMedication, type FormularyDrug } from './fhir-formulary';
import { resourcesOf, type PrescriptionHis } from './his-port';
import { rankMatch } from './search-match';

const TTL_MS = 5 * 60_000;
const MAX_RESULTS = 20;

/**
 * The county pharmacy catalogue, read from the HIS (FHIR Medication) and cached for search-as-you-type.
 * Stock is re-read per product (`fresh`) where it matters: at signing.
 */
export class Formulary {
  private cache: { at: number; drugs: FormularyDrug[] } | undefined;
  private loading: Promise<FormularyDrug[]> | undefined;

  constructor(
    private readonly his: PrescriptionHis,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async all(): Promise<FormularyDrug[]> {
    if (this.cache && this.now() - this.cache.at < TTL_MS) return this.cache.drugs;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** By name (Chinese or English), pinyin initials (氨氯地平 → aldp) or formulary code; best matches first. */
  async search(q: string): Promise<FormularyDrug[]> {
    const drugs = await this.all();
    const query = q.trim().toLowerCase();
    if (!query) return drugs.slice(0, MAX_RESULTS);
    return drugs
      .map((d) => ({ d, score: rankMatch(query, d) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.d.name.localeCompare(b.d.name, 'zh'))
      .slice(0, MAX_RESULTS)
      .map((x) => x.d);
  }

  /** From the cache (a catalogue entry does not change during a session; stock may). */
  async get(id: string): Promise<FormularyDrug | undefined> {
    return (await this.all()).find((d) => d.id === id);
  }

  async byCode(code: string): Promise<FormularyDrug | undefined> {
    return (await this.all()).find((d) => d.code === code);
  }

  /** Re-read from the HIS, for current stock. */
  async fresh(id: string): Promise<FormularyDrug | undefined> {
    let raw: unknown;
    try {
      raw = await this.his.getMedication(id);
    } catch (err) {
      throw hisUnavailable(err, this.log);
    }
    const drug = parseMedication(raw) ?? undefined;
    if (drug && this.cache) this.cache = { ...this.cache, drugs: this.cache.drugs.map((d) => (d.id === id ? drug : d)) };
    return drug;
  }

  private async load(): Promise<FormularyDrug[]> {
    let raw: unknown;
    try {
      raw = await this.his.searchMedications();
    } catch (err) {
      throw hisUnavailable(err, this.log);
    }
    const resources = resourcesOf(raw);
    const drugs = resources.map(parseMedication).filter((d): d is FormularyDrug => d !== null);
    if (drugs.length < resources.length) this.log.warn({ skipped: resources.length - drugs.length }, 'formulary entries without what prescribing needs were skipped');
    this.cache = { at: this.now(), drugs };
    return drugs;
  }
}

/** HIS client failures become 502 `upstream_unavailable`; anything else (a bug) stays an internal error. */
export function hisUnavailable(err: unknown, log: Logger): unknown {
  if (!(err instanceof HisError) && !(err instanceof CircuitOpenError)) return err;
  log.warn({ error: err.message.slice(0, 200) }, 'county HIS request failed');
  return new AppError('upstream_unavailable', 'The county HIS is not reachable; try again shortly');
}
