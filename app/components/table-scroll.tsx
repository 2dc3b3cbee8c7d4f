import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen (360 px) instead of overflowing the page. The region is
 * focusable and named so that keyboard users can scroll it too (RGAA 7.3, WCAG 1.4.10).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={label}>
      {children}
    </div>
  );
}
