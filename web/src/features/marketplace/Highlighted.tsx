// Shared pieces of the marketplace pages: highlighted search text.
import { Text, type TextProps } from '@mantine/core';

const HL = /\uE000([^\uE001]*)\uE001/g;
/** Renders text with the server's match markers (U+E000 … U+E001) as <mark>, never as HTML. */
export function Highlighted({ text, ...props }: { text: string } & TextProps) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(HL)) {
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push(<mark key={m.index}>{m[1]}</mark>);
    last = m.index! + m[0].length;
  }
  parts.push(text.slice(last));
  return <Text {...props}>{parts}</Text>;
}
