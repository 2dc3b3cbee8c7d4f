import { describe, expect, it } from 'vitest';
import { stripHnswIndexDrops } from './migrations';

describe('stripHnswIndexDrops', () => {
  it('removes DROP INDEX of hand-made hnsw_ indexes with their comment, and keeps the other steps', () => {
    const generated = [
      '-- DropIndex',
      'DROP INDEX "hnsw_offer_local_384";',
      '',
      '-- DropIndex',
      'DROP INDEX "public"."hnsw_need_text_embedding_3_small";',
      '',
      '-- DropIndex',
      'DROP INDEX "Offer_kind_status_idx";',
      '',
      '-- AlterTable',
      'ALTER TABLE "Offer" ADD COLUMN "summary" TEXT;',
      '',
    ].join('\n');

    expect(stripHnswIndexDrops(generated)).toBe(
      [
        '-- DropIndex',
        'DROP INDEX "Offer_kind_status_idx";',
        '',
        '-- AlterTable',
        'ALTER TABLE "Offer" ADD COLUMN "summary" TEXT;',
        '',
      ].join('\n'),
    );
  });

  it('leaves an index that merely contains "hnsw" further in its name', () => {
    const sql = '-- DropIndex\nDROP INDEX "Offer_hnsw_idx";\n';
    expect(stripHnswIndexDrops(sql)).toBe(sql);
  });

  it('gives an empty script when only hnsw_ drops were generated', () => {
    expect(stripHnswIndexDrops('-- DropIndex\nDROP INDEX "hnsw_offer_x";\n').trim()).toBe('');
  });
});
