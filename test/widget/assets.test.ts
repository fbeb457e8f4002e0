import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoPageHtml } from '../../server/widget/demo-page.ts';
import { loadWidgetScript } from '../../server/widget/assets.ts';

describe('loadWidgetScript', () => {
  it('bundles the widget once, small and without luxon or zod', async () => {
    const [first, second] = await Promise.all([loadWidgetScript(), loadWidgetScript()]);
    expect(second).toBe(first);
    expect(await loadWidgetScript()).toBe(first);
    expect(first).toContain('clinic-chat-widget');
    // luxon or zod alone would each add tens of KB; their own error strings would show up too.
    expect(first.length).toBeLessThan(20_000);
    expect(gzipSync(first).length).toBeLessThan(8_000);
    expect(first).not.toMatch(/Invalid DateTime|ZodError/);
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
