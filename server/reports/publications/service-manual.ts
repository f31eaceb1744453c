/**
 * The service manual (คู่มือการให้บริการ) ITA asks every office to publish: per service its
 * steps with their standard minutes and responsible official, the total time, where it is
 * given, the fee, the documents to bring, and where to complain. Pure: built from the
 * services and counters as posted.
 */
import type {
  ComplaintChannel,
  IsoTime,
  LocalizedText,
  ServiceManual,
  ServiceManualEntry,
} from '../../contract/contract.ts';
import type { CounterRecord, ServiceRecord } from '../../core/records.ts';
import { standardMinutesOf } from '../../core/records.ts';
import { complaintParts } from '../../core/complaint-channel.ts';

export interface ServiceManualInput {
  officeName: LocalizedText;
  generatedAt: IsoTime;
  /** In the office's order. */
  services: ServiceRecord[];
  counters: CounterRecord[];
  complaintChannel: ComplaintChannel | null;
}

export function serviceManualEntry(
  service: ServiceRecord,
  counters: CounterRecord[],
  officeName: LocalizedText,
): ServiceManualEntry {
  return {
    serviceId: service.id,
    code: service.code,
    name: service.name,
    steps: [...service.steps]
      .sort((a, b) => a.order - b.order)
      .map((step) => ({
        order: step.order,
        title: step.title,
        minutes: step.minutes,
        responsible: step.responsible,
      })),
    standardMinutes: standardMinutesOf(service),
    targetWaitMinutes: service.targetWaitMinutes,
    fee: service.fee,
    feeNote: service.feeNote,
    documents: service.documents,
    place: {
      officeName,
      counters: counters
        .filter((counter) => counter.serviceIds.includes(service.id))
        .sort((a, b) => a.number - b.number)
        .map((counter) => ({ number: counter.number, name: counter.name })),
    },
  };
}

/** Where to complain, in one sentence: the office's channel, or the office itself when it has set none. */
export function complaintOf(
  channel: ComplaintChannel | null,
  officeName: LocalizedText,
): ServiceManual['complaint'] {
  const ways = complaintParts(channel);
  const note = channel?.note ? { th: channel.note.th, en: channel.note.en ?? '' } : null;
  const officeEn = officeName.en || officeName.th;
  if (ways.length === 0) {
    return {
      ways,
      note,
      text: {
        th: `ร้องเรียนหรือเสนอแนะการให้บริการได้ที่${officeName.th}`,
        en: `Complaints and suggestions about the service go to ${officeEn}.`,
      },
    };
  }
  return {
    ways,
    note,
    text: {
      th: `ร้องเรียนหรือเสนอแนะการให้บริการของ${officeName.th}ได้ทาง ${ways.join(' · ')}`,
      en: `Complaints and suggestions about the service of ${officeEn}: ${ways.join(' · ')}`,
    },
  };
}

/** The manual of every active service, or of the one asked for (active or not: it was asked by id). */
export function serviceManual(input: ServiceManualInput, serviceId: number | null): ServiceManual {
  const services = input.services.filter((s) =>
    serviceId === null ? s.active : s.id === serviceId,
  );
  return {
    officeName: input.officeName,
    generatedAt: input.generatedAt,
    complaint: complaintOf(input.complaintChannel, input.officeName),
    services: services.map((s) => serviceManualEntry(s, input.counters, input.officeName)),
  };
}
