import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ChangeAwareQueryClient } from './queryClient';

/**
 * A screen's first load of some figures is still under way when the user saves a change; the
 * change's success invalidates the figures. What the screen shows at the end must come from a
 * fetch made after the change.
 */
async function afterAChangeDuringTheFirstLoad(client: QueryClient): Promise<string | undefined> {
  const answers: (() => void)[] = [];
  let saved = false;
  const observer = new QueryObserver<string>(client, {
    queryKey: ['checks'],
    // Each fetch answers as the server did when it was asked: before the change or after it.
    queryFn: () => {
      const answer = saved ? 'after the change' : 'before the change';
      return new Promise<string>((resolve) => answers.push(() => resolve(answer)));
    },
  });
  const unsubscribe = observer.subscribe(() => {});
  await until(() => answers.length === 1);
  const asked = answers.length;
  saved = true;
  const invalidated = client.invalidateQueries({ queryKey: ['checks'] });
  // The first request's answer arrives only now, made before the change.
  answers[0]!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const answer of answers.slice(asked)) answer();
  await invalidated;
  unsubscribe();
  return client.getQueryData<string>(['checks']);
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(condition()).toBe(true);
}

describe('invalidating queries after a change', () => {
  it('fetches again a query whose first load was under way, rather than keep the answer made before the change', async () => {
    expect(await afterAChangeDuringTheFirstLoad(new ChangeAwareQueryClient())).toBe('after the change');
  });

  it("is needed: TanStack Query's own client keeps the first load's answer", async () => {
    expect(await afterAChangeDuringTheFirstLoad(new QueryClient())).toBe('before the change');
  });
});
