/**
 * Colours for warnings and success in small text and light badges. Mantine's orange and teal are
 * too pale for small text (orange-9 is 4.3:1 on white and 3.6:1 on orange-1; teal-9 4.3:1 on
 * teal-1), and a light badge with a shade ("orange.9") paints its text in its own background
 * colour. These pass WCAG AA: 6.3:1 on white and 5.4:1 on their own light tint (what
 * `variant="light"` puts behind a CSS colour).
 */
export const WARNING_COLOUR = '#a34100';
export const SUCCESS_COLOUR = '#0b6e4f';
/** For what is wrong or late, in small text and light badges: 6.1:1 on white, 5.2:1 on its light tint. */
export const DANGER_COLOUR = '#b3261e';
