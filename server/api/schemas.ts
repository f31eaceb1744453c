import { z } from 'zod';
import {
  ANNOUNCEMENT_ENDINGS,
  CANCEL_REASONS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  COMPLAINT_TEXT_MAX,
  COUNTER_STATUSES,
  DEVICE_KINDS,
  DEVICE_STATES,
  DISPLAY_PROTOCOLS,
  OUT_OF_TURN_REASONS,
  PRINT_OUTCOMES,
  PRIORITY_KINDS,
  SURVEY_COMMENT_MAX,
  THAI_PRINT_MODES,
} from '../contract/contract.ts';
import { KhiuError } from '../core/errors.ts';
import { isValidDay, isValidTimeZone } from '../core/local-time.ts';
import { isTimeOfDay, minutesOfDay } from '../core/office-hours.ts';
import { nameProblem } from '../core/safe-text.ts';
import { normalisePublicBaseUrl, publicBaseUrlProblem } from '../core/public-address.ts';
import { COMPLAINT_LIMITS } from '../core/complaint-channel.ts';

/** Parses `input` or throws a 400 naming every field that is wrong. */
export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
  throw new KhiuError('invalid_input', details, 400);
}

const id = z.int().positive().max(2_147_483_647);
/**
 * A name or note a person typed: refused with the character named when unsafe
 * (core/safe-text.ts). Optional text may be empty or spaces, but not look empty while it
 * is not (a zero-width space as a pause reason).
 */
const safe = (optional: boolean) => (value: string, ctx: z.RefinementCtx) => {
  const problem = nameProblem(value, !optional || value.trim() !== '');
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};
const text = (max: number) => z.string().trim().min(1).max(max).superRefine(safe(false));
const optionalText = (max: number) => z.string().max(max).superRefine(safe(true));
/** Thai required; English optional: missing or blank is stored as '' (screens then show the Thai). */
const localized = (max: number) =>
  z.object({
    th: text(max),
    en: z.string().trim().max(max).superRefine(safe(true)).default(''),
  });
const clientRequestId = z.string().min(1).max(100).optional();

export const ticketIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a ticket id');
export const numericIdParam = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'not an id')
  .transform(Number);

export const issueTicketBody = z.object({
  serviceId: id,
  priority: z.enum(PRIORITY_KINDS).nullable().optional(),
  clientRequestId,
});

export const callNextBody = z.object({ clientRequestId }).optional();

export const outOfTurnBody = z.object({
  counterId: id,
  reason: z.enum(OUT_OF_TURN_REASONS),
});

export const transferBody = z.object({ serviceId: id });

/**
 * The counter screen always gives a reason; a client written before reasons existed sends no body,
 * and its cancel is recorded with `reason: null` rather than refused.
 */
export const cancelBody = z
  .object({ reason: z.enum(CANCEL_REASONS).optional() })
  .strict()
  .optional();

/** A posted step's number (services post at most 30). */
export const stepOrderParam = z
  .string()
  .regex(/^[1-9][0-9]?$/, 'a step number, 1-30')
  .transform(Number)
  .pipe(z.int().max(30, 'a step number, 1-30'));
/** A step's start and finish carry nothing: an empty body or `{}`. */
export const stepBody = z.object({}).strict().optional();

export const ratingBody = z.object({ score: z.int().min(1).max(5) });

const surveyLevel = z.int().min(1).max(5);
/**
 * A survey's comment: several lines allowed (a name is one), otherwise the same characters
 * refused as in names; blank is no comment. Stored and shown as text, never as HTML.
 */
const surveyComment = z
  .string()
  .max(SURVEY_COMMENT_MAX)
  .transform((value) => value.replace(/\r\n?/g, '\n').trim())
  .superRefine((value, ctx) => {
    const problem = nameProblem(value.replace(/[\n\t]/g, ' '), false);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => (value === '' ? null : value));

export const surveyBody = z
  .object({
    process: surveyLevel,
    channels: surveyLevel,
    staff: surveyLevel,
    facilities: surveyLevel,
    overall: surveyLevel,
    comment: surveyComment.nullish().transform((value) => value ?? null),
  })
  .strict();

/** A counter's rating: a screen names the ticket it showed (a button box shows none). */
export const counterRatingBody = ratingBody.extend({ ticketId: ticketIdParam.optional() });

export const loginBody = z.object({
  username: text(64),
  password: z.string().min(1).max(256),
  /** The counter a staff session works; also PUT /api/session/counter. */
  counterId: id.optional(),
});
export const chooseCounterBody = z.object({ counterId: id });

const step = z.object({
  title: localized(200),
  minutes: z.int().min(0).max(600),
  responsible: text(200),
});

const serviceFields = {
  code: z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters'),
  name: localized(200),
  steps: z.array(step).min(1).max(30),
  documents: z.array(localized(300)).max(30),
  fee: z.number().min(0).max(10_000_000),
  feeNote: localized(300).nullable(),
  targetWaitMinutes: z.int().min(0).max(600),
  active: z.boolean(),
};

export const createServiceBody = z.object({
  ...serviceFields,
  documents: serviceFields.documents.default([]),
  feeNote: serviceFields.feeNote.default(null),
  active: serviceFields.active.default(true),
});
export const updateServiceBody = z.object(serviceFields).partial();

export const createCounterBody = z.object({
  name: text(100),
  number: z.int().min(1).max(999),
  serviceIds: z.array(id).min(1).max(50),
});
export const updateCounterBody = createCounterBody.partial();
export const counterStatusBody = z.object({
  status: z.enum(COUNTER_STATUSES),
  reason: optionalText(200).optional(),
});

// The length rule is checked after parsing (passwords.ts), so it can answer password_too_short.
const password = z.string().min(1).max(256);
const role = z.enum(['staff', 'manager', 'admin']);
export const createUserBody = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,32}$/, '2-32 characters: a-z 0-9 . _ -'),
  role,
  password,
});
export const updateUserBody = z.object({ role, password, active: z.boolean() }).partial();

export const queueConfigBody = z.object({
  timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone'),
  priority: z.object({
    prefix: z.string().regex(/^[A-Z]$/, 'one capital letter'),
    everyNormal: z.int().min(0).max(50),
  }),
  recallLimit: z.int().min(0).max(10),
});

export const officeNameBody = localized(200);

const day = z.string().refine(isValidDay, 'a date as YYYY-MM-DD');
export const ticketRangeQuery = z
  .object({ from: day, to: day })
  .refine((q) => q.from <= q.to, 'from must not be after to')
  // A fiscal year and a bit: enough for the twice-yearly executive report, bounded for memory.
  .refine(
    (q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000,
    'at most 400 days at a time',
  );

const station = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, '1-40 characters: A-Z a-z 0-9 . _ -');

export const stationParam = station;

export const deviceReportBody = z.object({
  station,
  devices: z
    .array(
      z.object({
        deviceId: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
        kind: z.enum(DEVICE_KINDS),
        uri: z.string().min(1).max(200),
        state: z.enum(DEVICE_STATES),
        detail: z.string().max(300).optional(),
      }),
    )
    .max(20),
});

export const printReportBody = z.object({
  station,
  outcome: z.enum(PRINT_OUTCOMES),
  reprint: z.boolean(),
  detail: z.string().max(300).nullable().optional(),
});

const profileName = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes');
const uniqueNames = (list: { name: string }[]) =>
  new Set(list.map((p) => p.name)).size === list.length;

// The same rules the printer layout enforces (hardware/printer/printer-profile.ts), checked here
// so a wrong profile is refused at the admin's desk, not at the kiosk.
const printerProfile = z
  .object({
    name: profileName,
    description: optionalText(200).default(''),
    paperWidthMm: z.union([z.literal(58), z.literal(80)]),
    printWidthDots: z
      .int()
      .min(256)
      .max(640)
      .refine((d) => d % 8 === 0, 'a multiple of 8'),
    columns: z.union([z.literal(32), z.literal(35), z.literal(42), z.literal(44), z.literal(48)]),
    thaiMode: z.enum(THAI_PRINT_MODES),
    codepage: z.int().min(0).max(255).nullable(),
    codepageNote: optionalText(300).default(''),
  })
  .refine((p) => p.thaiMode !== 'text' || p.codepage !== null, {
    path: ['codepage'],
    message: 'text mode needs the Thai code page from the self-test page',
  });

const displayProfile = z
  .object({
    name: profileName,
    description: optionalText(200).default(''),
    protocol: z.enum(DISPLAY_PROTOCOLS),
    address: z.int().min(0).max(99).nullable().default(null),
    digits: z.int().min(1).max(16).nullable().default(null),
    template: z.string().min(1).max(200).nullable().default(null),
  })
  .refine((d) => d.protocol !== 'template' || d.template !== null, {
    path: ['template'],
    message: 'the template protocol needs its frame, for example \\x02{address:2}{text:4}\\x03',
  });

export const deviceProfilesBody = z.object({
  printers: z
    .array(printerProfile)
    .max(50)
    .refine(uniqueNames, 'printer profile names must differ'),
  displays: z
    .array(displayProfile)
    .max(50)
    .refine(uniqueNames, 'display profile names must differ'),
});

const reportServiceId = z.coerce.number().pipe(id).optional();
const fiscalYear = z.coerce
  .number()
  .pipe(
    z.int().min(2500, 'a Buddhist-era year, e.g. 2569').max(2700, 'a Buddhist-era year, e.g. 2569'),
  );

export const weeklyQuery = z.object({ start: day.optional(), serviceId: reportServiceId });
export const monthlyQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
    .optional(),
  serviceId: reportServiceId,
});
export const halfYearQuery = z
  .object({
    fiscalYear: fiscalYear.optional(),
    half: z
      .enum(['1', '2'])
      .transform((h) => (h === '1' ? 1 : 2) as 1 | 2)
      .optional(),
    serviceId: reportServiceId,
  })
  .refine((q) => (q.fiscalYear === undefined) === (q.half === undefined), {
    message: 'give both fiscalYear and half, or neither for the last complete half year',
  });
export const fiscalYearQuery = z.object({
  fiscalYear: fiscalYear.optional(),
  serviceId: reportServiceId,
});

export const satisfactionTargetBody = z.object({
  satisfactionTargetPct: z.number().min(0).max(100),
});

const timeOfDay = z.string().refine((t) => isTimeOfDay(t), 'a time of day as HH:MM (00:00–23:59)');
const closingTime = z
  .string()
  .refine((t) => isTimeOfDay(t, true), 'a time of day as HH:MM (00:00–24:00)');
const officeDayHours = z
  .object({ open: timeOfDay, close: closingTime })
  .refine((d) => minutesOfDay(d.close) > minutesOfDay(d.open), 'close must be after open');
const distinct = (values: unknown[]) => new Set(values).size === values.length;
/** null clears the hours: the kiosk then issues at any time. */
export const officeHoursBody = z.object({
  officeHours: z
    .object({
      weekdays: z.array(officeDayHours.nullable()).length(7, 'seven days, Monday first'),
      lastTicket: timeOfDay.nullable().default(null),
      serviceLastTicket: z
        .array(z.object({ serviceId: id, lastTicket: timeOfDay }))
        .max(200)
        .refine((list) => distinct(list.map((s) => s.serviceId)), 'one last ticket per service')
        .default([]),
      holidays: z
        .array(day)
        .max(400)
        .refine((list) => distinct(list), 'each holiday once')
        .default([]),
    })
    .nullable(),
});

export const announcementBody = z.object({ ending: z.enum(ANNOUNCEMENT_ENDINGS) });

/** The address in every ticket's QR; null goes back to the default (core/public-address.ts). */
export const publicAddressBody = z.object({
  publicBaseUrl: z
    .string()
    .trim()
    .max(200)
    .superRefine((value, ctx) => {
      const problem = publicBaseUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    // Only reached by a valid address; the guard keeps a refused one from throwing here.
    .transform((value) => (publicBaseUrlProblem(value) ? value : normalisePublicBaseUrl(value)))
    .nullable(),
});

/** One way of complaining: absent, null or blank is none; otherwise it must be `valid`. */
const complaintWay = (max: number, valid: (value: string) => string | null) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = value === '' ? null : (nameProblem(value, false) ?? valid(value));
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullish()
    .transform((value) => (value ? value : null));

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export const complaintChannelBody = z
  .object({
    phone: complaintWay(COMPLAINT_LIMITS.phone, (v) =>
      /^\+?[0-9][0-9 ()-]*[0-9]$/.test(v) ? null : 'a phone number: digits, spaces, + - ( )',
    ),
    line: complaintWay(COMPLAINT_LIMITS.line, (v) =>
      /^@?[A-Za-z0-9._-]+$/.test(v) ? null : 'a LINE ID such as @tambon-example',
    ),
    email: complaintWay(COMPLAINT_LIMITS.email, (v) =>
      EMAIL.test(v) ? null : 'an e-mail address such as complaint@example.go.th',
    ),
    web: complaintWay(COMPLAINT_LIMITS.web, (v) => {
      try {
        const url = new URL(v);
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
          return 'must be http:// or https://';
        if (url.username || url.password) return 'must not carry a user name or password';
        return null;
      } catch {
        return 'an absolute address such as https://example.go.th/complaint';
      }
    }),
    note: z
      .object({
        th: text(COMPLAINT_LIMITS.note),
        en: complaintWay(COMPLAINT_LIMITS.note, () => null),
      })
      .nullish()
      .transform((note) => note ?? null),
  })
  .refine((c) => c.phone || c.line || c.email || c.web || c.note, {
    message: 'give at least one of phone, line, email, web or note',
  });

/**
 * A complaint's words or a manager's outcome: stored and shown only as text. Several lines are
 * fine (a CR LF is kept as LF); anything else a Name refuses (a control or bidi character) is
 * refused; at most COMPLAINT_TEXT_MAX characters once trimmed. Blank is none (null).
 */
const longText = z
  .string()
  .transform((value) => value.replace(/\r\n?/g, '\n').trim())
  .superRefine((value, ctx) => {
    if ([...value].length > COMPLAINT_TEXT_MAX) {
      ctx.addIssue({ code: 'custom', message: `at most ${COMPLAINT_TEXT_MAX} characters` });
      return;
    }
    for (const line of value.split(/[\n\t]/)) {
      const problem = nameProblem(line, false);
      if (problem) return void ctx.addIssue({ code: 'custom', message: problem });
    }
    const problem = nameProblem(value.replace(/\s+/g, ' '), value !== '');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullish()
  .transform((value) => (value ? value : null));

export const complaintBody = z.object({ kind: z.enum(COMPLAINT_KINDS), text: longText });

export const complaintUpdateBody = z.object({
  status: z.enum(['investigating', 'resolved']),
  outcome: longText,
});

export const complaintListQuery = z.object({ status: z.enum(COMPLAINT_STATUSES).optional() });
