// Refuses guessable passwords: the common-password list shipped with zxcvbn-ts (@zxcvbn-ts/language-common,
// tens of thousands of leaked passwords) and zxcvbn's estimate of the guesses an attacker needs
// (dictionary words, repeats, sequences, keyboard walks, dates, l33t, the person's own name and address).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from './errors.ts';

/** zxcvbn score 0–4; 3 means about 10^8 guesses or more — the least we accept with a slow hash (scrypt). */
export const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;
let commonSet: Set<string> | null = null;

function load() {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  commonSet ??= new Set((common.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return { estimator, commonSet };
}

/** Whether the password is on the common list or too easy to guess; `userInputs` (email, name…) count as known words. */
export async function passwordWeakness(password: string, userInputs: string[] = []): Promise<'common' | 'guessable' | null> {
  const { estimator, commonSet } = load();
  if (commonSet.has(password.toLowerCase())) return 'common';
  const inputs = userInputs.flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((s) => s.length >= 3);
  const r = await estimator.check(password.slice(0, 100), inputs);
  return r.score < MIN_SCORE ? 'guessable' : null;
}

/** Throws a field error (400, message in the caller's language) for a weak password. */
export async function assertStrongPassword(password: string, userInputs: string[], field = 'password'): Promise<void> {
  const weakness = await passwordWeakness(password, userInputs);
  if (weakness) throw new AppError('validation_failed', { fields: [{ path: field, code: 'weak_password', params: { reason: weakness } }] });
}
