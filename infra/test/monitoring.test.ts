import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { infraDir, repoRoot } from './render.js';

// Rule ids OPS-MON-n: docs/decisions/0608-monitoring.md. promtool comes from Debian's prometheus package.
const monitoring = `${infraDir}monitoring/`;
const promtool = (...args: string[]) =>
  execFileSync('promtool', args, { cwd: monitoring, encoding: 'utf8', stdio: 'pipe' });
const metricsSource = readFileSync(`${repoRoot}apps/api/src/observability/metrics.ts`, 'utf8');
const ourMetrics = (text: string) => [
  ...new Set(text.match(/\b(hhs_[a-z_]+|http_request_duration_seconds)\b/g) ?? []),
];
const exported = (name: string) => metricsSource.includes(`'${name.replace(/_(bucket|count|sum)$/, '')}'`);

describe('the Prometheus alert rules', () => {
  it('OPS-MON-1: pass promtool check rules and their unit tests (promtool test rules)', () => {
    expect(promtool('check', 'rules', 'alerts.yaml')).toMatch(/SUCCESS: 8 rules found/);
    expect(promtool('test', 'rules', 'alerts.test.yaml')).toMatch(/SUCCESS/);
  });

  it('OPS-MON-1: every alert has a unit test in which it fires and one in which it stays quiet', () => {
    type Check = { alertname: string; exp_alerts: unknown[] };
    const tests = (
      parse(readFileSync(`${monitoring}alerts.test.yaml`, 'utf8')) as {
        tests: Array<{ alert_rule_test: Check[] }>;
      }
    ).tests.flatMap((t) => t.alert_rule_test);
    const alerts = (
      parse(readFileSync(`${monitoring}alerts.yaml`, 'utf8')) as {
        groups: Array<{ rules: Array<{ alert: string }> }>;
      }
    ).groups.flatMap((g) => g.rules.map((r) => r.alert));
    for (const alert of alerts) {
      const checks = tests.filter((t) => t.alertname === alert);
      expect(
        checks.some((c) => c.exp_alerts.length > 0),
        `${alert} fires`,
      ).toBe(true);
      expect(
        checks.some((c) => c.exp_alerts.length === 0),
        `${alert} stays quiet`,
      ).toBe(true);
    }
  });

  it('OPS-MON-2: cover API down, 5xx rate, p95 latency, readiness, email backlog age, late jobs, pool waiting and webhook endpoints switched off, each with a runbook entry', () => {
    const rules = (
      parse(readFileSync(`${monitoring}alerts.yaml`, 'utf8')) as {
        groups: Array<{ rules: Array<{ alert: string; expr: string; annotations: { runbook: string } }> }>;
      }
    ).groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual([
      'HhsMentoringApiDown',
      'HhsMentoringHigh5xxRate',
      'HhsMentoringSlowRequests',
      'HhsMentoringNotReady',
      'HhsMentoringEmailBacklogOld',
      'HhsMentoringJobLate',
      'HhsMentoringPoolWaiting',
      'HhsMentoringWebhookEndpointDisabled',
    ]);
    const runbook = readFileSync(`${repoRoot}docs/operations.md`, 'utf8');
    for (const rule of rules) {
      expect(rule.annotations.runbook).toBe(`docs/operations.md#${rule.alert.toLowerCase()}`);
      expect(runbook, rule.alert).toContain(`### ${rule.alert}`);
      for (const metric of ourMetrics(rule.expr))
        expect(exported(metric), `${rule.alert}: ${metric}`).toBe(true);
    }
  });

  it('OPS-MON-3: the Grafana dashboard queries only metrics the API exports', () => {
    const dashboard = JSON.parse(readFileSync(`${monitoring}grafana-dashboard.json`, 'utf8')) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const metrics = ourMetrics(dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n'));
    expect(metrics.length).toBeGreaterThan(8);
    for (const metric of metrics) expect(exported(metric), metric).toBe(true);
  });
});
