import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'purple' | 'turquoise';

// GOV.UK tag colours: tinted background, dark text of the same hue (contrast ≥ 4.5:1).
const COLOURS: Record<TagColour, string> = {
  grey: 'bg-[#e5e6e7] text-[#0c2d4a]',
  blue: 'bg-[#bbd4ea] text-[#0c2d4a]',
  green: 'bg-[#cce2d8] text-[#005a30]',
  yellow: 'bg-[#fff7bf] text-[#594d00]',
  orange: 'bg-[#fcd6c3] text-[#6e3619]',
  red: 'bg-[#f4cdc6] text-[#2a0b06]',
  purple: 'bg-[#dbd5e9] text-[#3d2375]',
  turquoise: 'bg-[#bfe3e0] text-[#10403c]',
};

export function Tag({ colour = 'blue', children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`inline-block px-2 py-0.5 text-base font-normal ${COLOURS[colour]}`}>{children}</strong>;
}
