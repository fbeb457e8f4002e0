// vitest's global setup: the website widget is built once per run, from the sources under test, into
// out/widget/widget.js, where every server the tests start reads it.
import { buildWidget } from '../../scripts/build-widget.ts';

export default async function setup(): Promise<void> {
  await buildWidget();
}
