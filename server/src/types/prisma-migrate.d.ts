// @prisma/migrate's package.json points "types" at a path its npm package lays out differently.
declare module '@prisma/migrate' {
  export * from '@prisma/migrate/dist/src/index';
}
