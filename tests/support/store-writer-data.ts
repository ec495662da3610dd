// What store-writer.ts's store kind writes to profile.bin and reports.bin in generation `gen`, so
// tests/security/killed-processes.test.ts can seed generation 0 and read the generation back.
// (A module of its own: importing store-writer.ts would start the writer.)
export const storedProfileOf = (gen: number) => ({ partner: { value: { name: `gen${gen}` } as never, fetchedAt: new Date().toISOString() } });
export const reportOf = (gen: number) => ({ id: `gen${gen}` }) as never;
