'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialogue (print or save as PDF). Not printed itself. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" className="no-print" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
