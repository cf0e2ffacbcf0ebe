import { SourcePreset } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api, isNotFound } from '../../lib/api-client.ts';
import { itemsOf } from '../../lib/items-schema.ts';
import { queryKeys } from '../../lib/query-keys.ts';

const PresetList = itemsOf(SourcePreset);

/** Ready-made feeds; `data` stays undefined on an API without the presets route (404). */
export function useSourcePresets() {
  return useQuery({
    queryKey: queryKeys.sources.presets(),
    queryFn: ({ signal }) => api.request('/api/sources/presets', PresetList, { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
}
