import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box when the window is narrower than the table
 * (a phone), instead of making the whole page scroll. While it does, the box is a named region
 * that takes the keyboard's focus, so it can be scrolled with the arrow keys (WCAG 2.1.1;
 * axe's scrollable-region-focusable); when the table fits, it is a plain box and no extra tab stop.
 */
export function ScrollTable({ label, children, 'data-testid': testId }: { label: string; children: ReactNode; 'data-testid'?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className="scroll-table"
      data-testid={testId}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
