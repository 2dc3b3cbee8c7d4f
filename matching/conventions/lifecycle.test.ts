import { describe, expect, it } from 'vitest';
import { availableEvents, awaitedBefore, checkTransition, conventionStatuses, transitions } from './lifecycle';

describe('convention lifecycle table', () => {
  it('only names known statuses and always says who may act', () => {
    for (const transition of transitions) {
      for (const from of transition.from) expect(conventionStatuses).toContain(from);
      if (transition.to) expect(conventionStatuses).toContain(transition.to);
      expect(transition.by.length).toBeGreaterThan(0);
    }
  });

  it('lets every non-final status be left, and nothing leave the final ones', () => {
    const leaving = new Set(transitions.filter((t) => t.to !== null).flatMap((t) => t.from));
    expect([...leaving].sort()).toEqual(['DRAFT', 'IN_PROGRESS', 'PARTIALLY_SIGNED', 'READY_TO_SIGN', 'SIGNED']);
    for (const final of ['COMPLETED', 'CANCELLED', 'REJECTED'] as const) {
      expect(availableEvents(final, 'MISSION_ESS')).toEqual([]);
    }
  });

  it('refuses a move from the wrong status, by the wrong actor, or without a required reason', () => {
    expect(checkTransition('DRAFT', 'sign', 'SIGNATORY')).toEqual({ ok: false, reason: 'Impossible sur une convention « Projet ».' });
    expect(checkTransition('SIGNED', 'start', 'PARTY')).toMatchObject({ ok: false, reason: expect.stringContaining('pas le droit') });
    expect(checkTransition('SIGNED', 'cancel', 'PARTY', '  ')).toMatchObject({ ok: false, reason: expect.stringContaining('motif') });
    expect(checkTransition('SIGNED', 'cancel', 'PARTY', 'Projet abandonné')).toMatchObject({ ok: true, transition: { to: 'CANCELLED' } });
  });

  it('an edit of a draft stays a draft; an edit once sent reissues and needs a reason', () => {
    expect(checkTransition('DRAFT', 'edit', 'PARTY')).toMatchObject({ ok: true, transition: { to: null } });
    expect(checkTransition('PARTIALLY_SIGNED', 'edit', 'PARTY')).toMatchObject({ ok: false });
    expect(checkTransition('PARTIALLY_SIGNED', 'edit', 'PARTY', 'Dates corrigées')).toMatchObject({ ok: true, transition: { to: 'READY_TO_SIGN' } });
    expect(checkTransition('SIGNED', 'edit', 'MISSION_ESS', 'x')).toMatchObject({ ok: false });
  });

  it('offers each actor only what will work', () => {
    expect(availableEvents('DRAFT', 'PARTY').sort()).toEqual(['cancel', 'edit', 'send_for_signature']);
    expect(availableEvents('SIGNED', 'PARTY').sort()).toEqual(['amend', 'cancel']);
    expect(availableEvents('SIGNED', 'SYSTEM')).toEqual(['start']);
  });
});

describe('signing order', () => {
  const signatories = [
    { position: 0, signed: true },
    { position: 1, signed: false },
    { position: 2, signed: false },
  ];

  it('is free unless the template asks for an order', () => {
    expect(awaitedBefore('free', 2, signatories)).toEqual([]);
  });

  it('in order, waits for everyone printed before', () => {
    expect(awaitedBefore('ordered', 2, signatories)).toEqual([1]);
    expect(awaitedBefore('ordered', 1, signatories)).toEqual([]);
  });
});
