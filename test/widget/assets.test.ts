import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { widgetBundle } from '../../scripts/build-widget.ts';
import { demoPageHtml } from '../../server/widget/demo-page.ts';
import { readWidgetScript } from '../../server/http/widget-routes.ts';

describe('the widget bundle', () => {
  it('is small and carries neither luxon nor zod', () => {
    const bundle = readFileSync(widgetBundle, 'utf8');
    expect(bundle).toContain('clinic-chat-widget');
    // luxon or zod alone would each add tens of KB; their own error strings would show up too.
    expect(bundle.length).toBeLessThan(20_000);
    expect(gzipSync(bundle).length).toBeLessThan(8_000);
    expect(bundle).not.toMatch(/Invalid DateTime|ZodError/);
    expect(readWidgetScript().text).toBe(bundle);
  });

  it('keeps a server from starting when it was not built, and says what to run', () => {
    const missing = join(tmpdir(), 'no-such-dir', 'widget.js');
    expect(() => readWidgetScript(missing)).toThrow(`the website widget is not built (${missing}): run \`npm run build\` (or \`npm run build:widget\`) first`);
  });
});

describe('demoPageHtml', () => {
  it('embeds the widget with the clinic id and escapes everything it interpolates', () => {
    const html = demoPageHtml({ clinicId: 'c"1<x>', clinicName: '<script>alert("Tom & Jerry\'s")</script>', scriptUrl: 'http://127.0.0.1:9/widget.js?a=1&b="2"' });
    expect(html).toContain('<script src="http://127.0.0.1:9/widget.js?a=1&amp;b=&quot;2&quot;" data-clinic="c&quot;1&lt;x&gt;" async></script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;Tom &amp; Jerry&#39;s&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
