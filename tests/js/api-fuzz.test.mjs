// The seeded random-API fuzzer (tests/shared/api-fuzz.mjs) against the built package in Node, for
// about 20 s. API_FUZZ_SEED=n replays seed n alone (API_FUZZ_LOG=1 prints its calls);
// API_FUZZ_MS sets the time budget and API_FUZZ_FIRST the first seed (1).
import { test } from 'node:test';
import * as api from 'data-mesh';
import { fuzzFor, fuzzSeed } from '../shared/api-fuzz.mjs';

const replay = process.env.API_FUZZ_SEED;
const budgetMs = Number(process.env.API_FUZZ_MS ?? 20_000);
const firstSeed = Number(process.env.API_FUZZ_FIRST ?? 1);

if (replay !== undefined) {
  test(`api fuzz: seed ${replay} alone`, () => {
    const log = process.env.API_FUZZ_LOG ? (line) => console.log(line) : undefined;
    const run = fuzzSeed(api, Number(replay), { log });
    console.log(`seed ${replay}: trace hash ${run.hash}, ${run.refused} refusals`);
  });
} else {
  test(`api fuzz: random calls with hostile arguments for ${budgetMs / 1000} s`, () => {
    const { seeds, calls, refused } = fuzzFor(api, { firstSeed, budgetMs });
    console.log(`api fuzz: ${seeds} seeds, ${calls} calls, ${refused} refused, no trap, invariants held`);
  });
}
