import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoNetwork } from '../../../shared/demo';
import { NetworkCache, openDatabase } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

const network = (seed: number) => generateDemoNetwork({ seed, nodes: 3, skus: 80, dayZero: '2026-02-02', takenAt: '2026-02-02T06:00:00.000Z' }).snapshot;

describe('the snapshot image (fast warm start)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let cache: NetworkCache;
  let close: () => void;
  beforeEach(() => {
    temp = makeTempDir('image');
    const { db } = openDatabase(`${temp.path}/cache.db`);
    cache = new NetworkCache(db);
    close = () => db.close();
  });
  afterEach(() => {
    close();
    temp.remove();
  });

  it('gives back exactly what the tables hold', () => {
    const snapshot = network(1);
    cache.replaceSnapshot(snapshot);
    expect(cache.hasImage()).toBe(true);
    const fromImage = cache.readSnapshot();
    const fromTables = cache.readSnapshotFromTables();
    const byId = <T extends { id: string }>(items: T[] | undefined): T[] => [...(items ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    expect(fromImage).toEqual(snapshot);
    expect(fromImage?.nodes).toEqual(fromTables?.nodes);
    expect(byId(fromImage?.demand)).toEqual(byId(fromTables?.demand));
    expect(byId(fromImage?.supply)).toEqual(byId(fromTables?.supply));
  });

  it('is dropped by any change to the network tables, and rebuilt from them on the next read', () => {
    cache.replaceSnapshot(network(2));
    // Whatever writes the cache later (the Odoo sync) changes rows directly.
    (cache as unknown as { db: { prepare(sql: string): { run(): void } } }).db.prepare("UPDATE stock_positions SET on_hand = 9999 WHERE node_id = 'RDC1' AND sku_id = 'SKU-00001'").run();
    expect(cache.hasImage()).toBe(false);
    const read = cache.readSnapshot();
    expect(read?.positions.find((p) => p.nodeId === 'RDC1' && p.skuId === 'SKU-00001')?.onHand).toBe(9999);
    expect(cache.hasImage()).toBe(true);
  });

  it('stores a large network in slices inside one transaction: a failure half-way keeps the old network', async () => {
    const before = network(3);
    cache.replaceSnapshot(before);
    let slices = 0;
    const failing = cache.replaceSnapshotInSlices(network(4), async () => {
      if (++slices === 4) throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(cache.readSnapshot()).toEqual(before);
    await cache.replaceSnapshotInSlices(network(4), async () => {});
    expect(cache.readSnapshot()).toEqual(network(4));
  });
});
