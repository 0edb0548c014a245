// The plots' data: a measure against a varied parameter per group, and ECDFs per point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ecdfSeries, measureSeries } from '../../www/plot-data.js';

const figures = (mean) => ({ mean, p5: mean - 1, p95: mean + 1 });
const summary = [
  { point: 0, values: { 'protocol.fanout': 1, 'options.links.loss': 0 }, measures: { m: figures(10) } },
  { point: 1, values: { 'protocol.fanout': 1, 'options.links.loss': 0.1 }, measures: { m: figures(20) } },
  { point: 2, values: { 'protocol.fanout': 2, 'options.links.loss': 0 }, measures: { m: figures(5) } },
  { point: 3, values: { 'protocol.fanout': 2, 'options.links.loss': 0.1 }, measures: { m: { mean: 8, p5: null, p95: null } } },
];

test('a measure against a parameter: one group per value of the other parameters, with its band', () => {
  const { x, groups } = measureSeries(summary, 'options.links.loss', 'm');
  assert.deepEqual(x, [0, 0.1]);
  assert.deepEqual(groups.map((g) => g.label), ['fanout=1', 'fanout=2']);
  assert.deepEqual([groups[0].mean, groups[0].p5, groups[0].p95], [[10, 20], [9, 19], [11, 21]]);
  assert.deepEqual(groups[1].p95, [6, null], 'a figure with nothing to measure is a gap');
});

test('an ECDF per point over the shared distinct values', () => {
  const records = [
    { point: 0, values: { a: 1 }, measures: { m: 3 } },
    { point: 0, values: { a: 1 }, measures: { m: 1 } },
    { point: 1, values: { a: 2 }, measures: { m: 2 } },
    { point: 1, values: { a: 2 }, measures: { m: null } },
  ];
  const { x, points } = ecdfSeries(records, 'm');
  assert.deepEqual(x, [1, 2, 3]);
  assert.deepEqual(points, [
    { label: 'a=1', fraction: [0.5, 0.5, 1] },
    { label: 'a=2', fraction: [0, 1, 1] },
  ]);
});
