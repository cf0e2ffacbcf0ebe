import {
  AlertDetail,
  AlertDto,
  AlertPage,
  type AlertRule,
  AlertRulesBody,
  type EscalationPolicy,
  OnCallSettings,
  type Rota,
} from '@barometer/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';

export type AlertFilter = 'active' | 'resolved' | 'all';

/** Alerts for the list; live events refresh it, and a poll covers a socket that is down. */
export function useAlerts(status: AlertFilter) {
  return useQuery({
    queryKey: queryKeys.alerts.list(status),
    queryFn: ({ signal }) =>
      api.request('/api/alerts', AlertPage, { signal, query: { status, limit: 100 } }),
    refetchInterval: 30_000,
  });
}

export function useAlertDetail(id: number | null) {
  return useQuery({
    queryKey: queryKeys.alerts.detail(id ?? 0),
    queryFn: ({ signal }) => api.request(`/api/alerts/${id}`, AlertDetail, { signal }),
    enabled: id !== null,
    refetchInterval: 15_000,
  });
}

export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api.request(`/api/alerts/${id}/acknowledge`, AlertDto, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts.all }),
  });
}

export function useResolve() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) =>
      api.request(`/api/alerts/${id}/resolve`, AlertDto, { method: 'POST', body: { note } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts.all }),
  });
}

export function useAlertRules() {
  return useQuery({
    queryKey: queryKeys.alerts.rules(),
    queryFn: ({ signal }) => api.request('/api/alerts/rules', AlertRulesBody, { signal }),
    select: (data) => data.rules,
  });
}

export function useSaveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: AlertRule[]) =>
      api.request('/api/alerts/rules', AlertRulesBody, { method: 'PUT', body: { rules } }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.alerts.rules(), data),
  });
}

export function useOnCall() {
  return useQuery({
    queryKey: queryKeys.alerts.oncall(),
    queryFn: ({ signal }) => api.request('/api/oncall', OnCallSettings, { signal }),
    refetchInterval: 60_000,
  });
}

export function useSaveRota() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rota: Rota) =>
      api.request('/api/oncall/rota', OnCallSettings, { method: 'PUT', body: rota }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.alerts.oncall(), data),
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: EscalationPolicy) =>
      api.request('/api/oncall/policy', OnCallSettings, { method: 'PUT', body: policy }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.alerts.oncall(), data),
  });
}
