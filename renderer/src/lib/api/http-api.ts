import type { KhiuApi, ReportFile, SessionUser, TicketStatusView } from './khiu-api.ts';
import type {
  OrderCheck,
  Survey,
  SurveyStatus,
  Complaint,
  TicketComplaint,
  TicketComplaints,
  AnnouncementSettings,
  OfficeHours,
  ComplaintChannel,
  PublicAddressSettings,
  Counter,
  DeviceProfiles,
  DeviceStatus,
  LedgerVerification,
  LocalizedText,
  PublicationList,
  PublicQueueSummary,
  QueueRule,
  QueueSummary,
  Rating,
  RatingTarget,
  Report,
  SatisfactionPublication,
  Service,
  ServiceManual,
  StatisticsPublication,
  Station,
  StationCreated,
  SupervisorView,
  Ticket,
  TicketHistory,
  TicketRecord,
  TicketSteps,
  Transparency,
  User,
} from '../contract.ts';
import { requestJson, type Method } from './http-client.ts';
import { ApiError, explain } from './api-error.ts';
import { reportPath } from '../manager/report-urls.ts';

/** The office server over HTTP, at `base` ('' = the page's own origin). */
export function createHttpApi(
  base = '',
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): KhiuApi {
  const call = async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
    const { body: result } = await requestJson<T>(fetchImpl, base, method, path, body);
    return result as T;
  };
  const maybe = async <T>(method: Method, path: string, body?: unknown): Promise<T | null> =>
    (await requestJson<T>(fetchImpl, base, method, path, body)).body;

  return {
    office: () => call<{ name: LocalizedText }>('GET', '/api/office'),
    services: () => call<Service[]>('GET', '/api/services'),
    counters: () => call<Counter[]>('GET', '/api/counters'),
    queue: () => call<PublicQueueSummary | QueueSummary>('GET', '/api/queue'),
    queueRule: () => call<QueueRule>('GET', '/api/queue/rule'),
    transparency: (range) =>
      call<Transparency>('GET', `/api/transparency?range=${encodeURIComponent(range)}`),

    issueTicket: async (serviceId, priority, clientRequestId) =>
      (
        await call<{ ticket: Ticket }>('POST', '/api/tickets', {
          serviceId,
          ...(priority ? { priority } : {}),
          clientRequestId,
        })
      ).ticket,
    ticketStatus: (id) => call<TicketStatusView>('GET', `/api/tickets/${encodeURIComponent(id)}`),
    ticketComplaints: (id) =>
      call<TicketComplaints>('GET', `/api/tickets/${encodeURIComponent(id)}/complaints`),
    makeComplaint: async (id, kind, text) =>
      (
        await call<{ complaint: TicketComplaint }>(
          'POST',
          `/api/tickets/${encodeURIComponent(id)}/complaint`,
          { kind, ...(text ? { text } : {}) },
        )
      ).complaint,
    complaints: (status) =>
      call<Complaint[]>('GET', status ? `/api/complaints?status=${status}` : '/api/complaints'),
    updateComplaint: async (id, status, outcome) =>
      (
        await call<{ complaint: Complaint }>('PATCH', `/api/complaints/${id}`, {
          status,
          ...(outcome === null ? {} : { outcome }),
        })
      ).complaint,
    orderCheck: (id) =>
      call<OrderCheck>('GET', `/api/tickets/${encodeURIComponent(id)}/order-check`),
    survey: (id) => call<SurveyStatus>('GET', `/api/tickets/${encodeURIComponent(id)}/survey`),
    submitSurvey: async (id, input) =>
      (
        await call<{ survey: Survey }>(
          'POST',
          `/api/tickets/${encodeURIComponent(id)}/survey`,
          input,
        )
      ).survey,
    rateTicket: async (id, score) =>
      (
        await call<{ rating: Rating }>('POST', `/api/tickets/${encodeURIComponent(id)}/rating`, {
          score,
        })
      ).rating,
    ratingTarget: (counterId) =>
      maybe<RatingTarget>('GET', `/api/counters/${counterId}/rating-target`),
    rateAtCounter: async (counterId, score, shownTicketId) =>
      (
        await call<{ rating: Rating }>('POST', `/api/counters/${counterId}/rating`, {
          score,
          ...(shownTicketId === undefined ? {} : { ticketId: shownTicketId }),
        })
      ).rating,

    signIn: async (username, password, counterId) =>
      (
        await call<{ user: SessionUser }>('POST', '/api/session', {
          username,
          password,
          ...(counterId === undefined ? {} : { counterId }),
        })
      ).user,
    chooseCounter: async (counterId) =>
      (await call<{ user: SessionUser }>('PUT', '/api/session/counter', { counterId })).user,
    currentUser: async () => {
      try {
        return (await call<{ user: SessionUser }>('GET', '/api/session')).user;
      } catch (error) {
        // Not being signed in is an answer here, not a failure.
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    signOut: async () => {
      await call('DELETE', '/api/session');
    },

    callNext: async (counterId, clientRequestId) =>
      (
        await maybe<{ ticket: Ticket }>('POST', `/api/counters/${counterId}/call-next`, {
          clientRequestId,
        })
      )?.ticket ?? null,
    waitingAt: (counterId) => call<Ticket[]>('GET', `/api/counters/${counterId}/waiting`),
    setCounterStatus: async (counterId, status, reason) =>
      (
        await call<{ counter: Counter }>('POST', `/api/counters/${counterId}/status`, {
          status,
          ...(reason ? { reason } : {}),
        })
      ).counter,
    ticketAction: async (id, action) =>
      (
        await call<{ ticket: Ticket }>(
          'POST',
          `/api/tickets/${encodeURIComponent(id)}/${action}`,
          {},
        )
      ).ticket,
    cancelTicket: async (id, reason) =>
      (
        await call<{ ticket: Ticket }>('POST', `/api/tickets/${encodeURIComponent(id)}/cancel`, {
          reason,
        })
      ).ticket,
    ticketSteps: (id) => call<TicketSteps>('GET', `/api/tickets/${encodeURIComponent(id)}/steps`),
    stepAction: (id, order, phase) =>
      call<TicketSteps>(
        'POST',
        `/api/tickets/${encodeURIComponent(id)}/steps/${order}/${phase}`,
        {},
      ),
    transfer: async (id, serviceId) =>
      (
        await call<{ ticket: Ticket }>('POST', `/api/tickets/${encodeURIComponent(id)}/transfer`, {
          serviceId,
        })
      ).ticket,
    callOutOfTurn: async (id, counterId, reason) =>
      (
        await call<{ ticket: Ticket }>('POST', `/api/tickets/${encodeURIComponent(id)}/call`, {
          counterId,
          reason,
        })
      ).ticket,

    ticketListing: (from, to) =>
      call<TicketRecord[]>(
        'GET',
        `/api/tickets?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
    verifyLedger: () => call<LedgerVerification>('GET', '/api/ledger/verify'),

    report: (kind, params) => call<Report>('GET', reportPath(kind, 'json', params)),
    reportFile: (kind, format, params) =>
      requestFile(fetchImpl, base + reportPath(kind, format, params)),
    ticketHistory: (id) =>
      call<TicketHistory>('GET', `/api/tickets/${encodeURIComponent(id)}/history`),
    supervisor: () => call<SupervisorView>('GET', '/api/supervisor'),

    publications: () => call<PublicationList>('GET', '/api/publications'),
    serviceManual: (serviceId) =>
      call<ServiceManual>(
        'GET',
        `/api/publications/service-manual${serviceId === null ? '' : `/${serviceId}`}`,
      ),
    statisticsPublication: (fiscalYear, quarter) =>
      call<StatisticsPublication>(
        'GET',
        `/api/publications/statistics?${new URLSearchParams({ fiscalYear: String(fiscalYear), quarter, format: 'json' })}`,
      ),
    satisfactionPublication: (fiscalYear, half) =>
      call<SatisfactionPublication>(
        'GET',
        `/api/publications/satisfaction?${new URLSearchParams({ fiscalYear: String(fiscalYear), half, format: 'json' })}`,
      ),
    publicationFile: (path) => requestFile(fetchImpl, base + path),

    createService: async (input) =>
      (await call<{ service: Service }>('POST', '/api/services', input)).service,
    updateService: async (id, patch) =>
      (await call<{ service: Service }>('PATCH', `/api/services/${id}`, patch)).service,
    createCounter: async (input) =>
      (await call<{ counter: Counter }>('POST', '/api/counters', input)).counter,
    updateCounter: async (id, patch) =>
      (await call<{ counter: Counter }>('PATCH', `/api/counters/${id}`, patch)).counter,
    users: () => call<User[]>('GET', '/api/users'),
    devices: () => call<DeviceStatus[]>('GET', '/api/devices'),
    deviceProfiles: () => call<DeviceProfiles>('GET', '/api/device-profiles'),
    setDeviceProfiles: (profiles) => call<DeviceProfiles>('PUT', '/api/device-profiles', profiles),
    createUser: async (username, role, password) =>
      (await call<{ user: User }>('POST', '/api/users', { username, role, password })).user,
    updateUser: async (id, patch) =>
      (await call<{ user: User }>('PATCH', `/api/users/${id}`, patch)).user,
    setOfficeName: async (name) =>
      (await call<{ name: LocalizedText }>('PUT', '/api/office', name)).name,
    publicAddress: () => call<PublicAddressSettings>('GET', '/api/settings/public-address'),
    setPublicBaseUrl: (publicBaseUrl) =>
      call<PublicAddressSettings>('PUT', '/api/settings/public-address', { publicBaseUrl }),
    complaintChannel: async () =>
      (
        await call<{ complaintChannel: ComplaintChannel | null }>(
          'GET',
          '/api/settings/complaint-channel',
        )
      ).complaintChannel,
    setComplaintChannel: async (channel) =>
      (
        await call<{ complaintChannel: ComplaintChannel | null }>(
          'PUT',
          '/api/settings/complaint-channel',
          channel,
        )
      ).complaintChannel,
    setQueueRule: (config) => call<QueueRule>('PUT', '/api/queue/rule', config),
    satisfactionTarget: async () =>
      (await call<{ satisfactionTargetPct: number }>('GET', '/api/settings/satisfaction-target'))
        .satisfactionTargetPct,
    setSatisfactionTarget: async (pct) =>
      (
        await call<{ satisfactionTargetPct: number }>('PUT', '/api/settings/satisfaction-target', {
          satisfactionTargetPct: pct,
        })
      ).satisfactionTargetPct,
    officeHours: async () =>
      (await call<{ officeHours: OfficeHours | null }>('GET', '/api/settings/office-hours'))
        .officeHours,
    setOfficeHours: async (hours) =>
      (
        await call<{ officeHours: OfficeHours | null }>('PUT', '/api/settings/office-hours', {
          officeHours: hours,
        })
      ).officeHours,
    announcementSettings: () => call<AnnouncementSettings>('GET', '/api/settings/announcement'),
    setAnnouncementSettings: (settings) =>
      call<AnnouncementSettings>('PUT', '/api/settings/announcement', settings),

    currentStation: async () => {
      try {
        return (await call<{ station: Station }>('GET', '/api/station')).station;
      } catch (error) {
        // Not being a paired station is an answer here, not a failure.
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    stations: () => call<Station[]>('GET', '/api/stations'),
    addStation: (input) => call<StationCreated>('POST', '/api/stations', input),
    revokeStation: async (id) =>
      (await call<{ station: Station }>('DELETE', `/api/stations/${id}`)).station,
  } satisfies KhiuApi;
}

/**
 * A file download (a report as CSV, XLSX or PDF). Errors come as the same JSON
 * body as everywhere, so they become the same ApiError the screens show.
 */
async function requestFile(fetchImpl: typeof fetch, url: string): Promise<ReportFile> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'same-origin' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError('network', 0, detail, explain('network', detail));
  }
  if (!response.ok) {
    const text = await response.text();
    let error: { code?: string; message?: string } | undefined;
    try {
      error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    } catch {
      // Not the API's JSON (a proxy's error page): the status line is all there is to say.
    }
    const code = error?.code ?? `http_${response.status}`;
    const detail = error?.message ?? (text.slice(0, 200) || response.statusText);
    throw new ApiError(code, response.status, detail, explain(code, detail));
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName =
    utf8FileName(disposition) ??
    /filename="([^"]+)"/.exec(disposition)?.[1] ??
    url.split('/').pop()!.split('?')[0]!;
  return { blob: await response.blob(), fileName };
}

/** RFC 5987's filename*=UTF-8''… (the ITA documents' Thai names), preferred over the ASCII one. */
function utf8FileName(disposition: string): string | undefined {
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
