/** Tag colours of the statuses, the same on every page. */
export const STATE_COLORS: Record<string, string> = {
  not_registered: 'default',
  registered: 'blue',
  submitted: 'gold',
  returned: 'orange',
  recognised: 'green',
  not_recognised: 'red',
  draft: 'blue',
  approved: 'green',
};
