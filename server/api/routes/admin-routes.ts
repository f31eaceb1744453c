import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { userActor } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import {
  createCounterBody,
  createServiceBody,
  createUserBody,
  deviceProfilesBody,
  numericIdParam,
  officeNameBody,
  satisfactionTargetBody,
  officeHoursBody,
  announcementBody,
  publicAddressBody,
  complaintChannelBody,
  parse,
  queueConfigBody,
  updateCounterBody,
  updateServiceBody,
  updateUserBody,
} from '../schemas.ts';
import { assertPasswordLength, hashPassword } from '../passwords.ts';
import { publishedRule } from '../../core/queue-rule.ts';
import { conflict } from '../../core/errors.ts';
import { firstLanIpv4 } from '../../core/public-address.ts';
import type { PublicAddressSettings } from '../../contract/contract.ts';

const numberSteps = <T extends object>(steps: T[]) =>
  steps.map((step, i) => ({ ...step, order: i + 1 }));

/** Setting up the office: services and their posted steps, counters, users, the queue rule. Admin only. */
export function adminRoutes(router: Router, { office, sessions }: ApiDeps): void {
  const { admin, views } = office;

  router.on('POST', '/api/services', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const body = parse(createServiceBody, await readJsonBody(req));
    assertCodeClear(body.code);
    const service = admin.createService(
      { ...body, steps: numberSteps(body.steps) },
      userActor(user),
    );
    sendJson(res, 201, { service: views.service(service) });
  });

  router.on('PATCH', '/api/services/:id', async ({ req, res, params }) => {
    const user = sessions.require(req, 'admin');
    const id = parse(numericIdParam, params.id);
    const body = parse(updateServiceBody, await readJsonBody(req));
    if (body.code !== undefined) assertCodeClear(body.code);
    const { steps, ...rest } = body;
    const patch = { ...rest, ...(steps ? { steps: numberSteps(steps) } : {}) };
    sendJson(res, 200, { service: views.service(admin.updateService(id, patch, userActor(user))) });
  });

  router.on('POST', '/api/counters', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const body = parse(createCounterBody, await readJsonBody(req));
    sendJson(res, 201, { counter: views.counter(admin.createCounter(body, userActor(user))) });
  });

  router.on('PATCH', '/api/counters/:id', async ({ req, res, params }) => {
    const user = sessions.require(req, 'admin');
    const id = parse(numericIdParam, params.id);
    const body = parse(updateCounterBody, await readJsonBody(req));
    sendJson(res, 200, { counter: views.counter(admin.updateCounter(id, body, userActor(user))) });
  });

  router.on('GET', '/api/users', ({ req, res }) => {
    sessions.require(req, 'admin');
    sendJson(
      res,
      200,
      office.ctx.store.users.all().map((u) => views.user(u)),
    );
  });

  router.on('POST', '/api/users', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const body = parse(createUserBody, await readJsonBody(req));
    assertPasswordLength(body.password);
    const created = admin.createUser(
      body.username,
      body.role,
      await hashPassword(body.password),
      userActor(user),
    );
    sendJson(res, 201, { user: views.user(created) });
  });

  router.on('PATCH', '/api/users/:id', async ({ req, res, params }) => {
    const user = sessions.require(req, 'admin');
    const id = parse(numericIdParam, params.id);
    const body = parse(updateUserBody, await readJsonBody(req));
    if (body.password !== undefined) assertPasswordLength(body.password);
    if (
      id === user.id &&
      (body.active === false || (body.role !== undefined && body.role !== 'admin'))
    ) {
      throw conflict('self_lockout', 'an admin cannot deactivate or demote their own account');
    }
    const patch = {
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      ...(body.password !== undefined ? { passwordHash: await hashPassword(body.password) } : {}),
    };
    sendJson(res, 200, { user: views.user(admin.updateUser(id, patch, userActor(user))) });
  });

  router.on('PUT', '/api/queue/rule', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const config = parse(queueConfigBody, await readJsonBody(req));
    const clash = office.ctx.store.services
      .all()
      .find((s) => s.code.startsWith(config.priority.prefix));
    if (clash)
      throw conflict(
        'prefix_clash',
        `priority prefix ${config.priority.prefix} would clash with service code ${clash.code}`,
      );
    admin.setQueueConfig(config, userActor(user));
    sendJson(res, 200, publishedRule(office.ctx.config()));
  });

  router.on('PUT', '/api/device-profiles', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const profiles = parse(deviceProfilesBody, await readJsonBody(req));
    admin.setDeviceProfiles(profiles, userActor(user));
    sendJson(res, 200, views.deviceProfiles());
  });

  router.on('PUT', '/api/office', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const name = parse(officeNameBody, await readJsonBody(req));
    admin.setOfficeName(name, userActor(user));
    sendJson(res, 200, { name: office.ctx.officeName() });
  });

  router.on('GET', '/api/settings/satisfaction-target', ({ req, res }) => {
    sessions.require(req, 'admin');
    sendJson(res, 200, { satisfactionTargetPct: office.ctx.satisfactionTargetPct() });
  });

  router.on('GET', '/api/settings/office-hours', ({ req, res }) => {
    sessions.require(req, 'admin');
    sendJson(res, 200, { officeHours: office.ctx.officeHours() });
  });

  router.on('PUT', '/api/settings/office-hours', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const { officeHours } = parse(officeHoursBody, await readJsonBody(req));
    admin.setOfficeHours(officeHours, userActor(user));
    sendJson(res, 200, { officeHours: office.ctx.officeHours() });
  });

  router.on('PUT', '/api/settings/satisfaction-target', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const { satisfactionTargetPct } = parse(satisfactionTargetBody, await readJsonBody(req));
    admin.setSatisfactionTarget(satisfactionTargetPct, userActor(user));
    sendJson(res, 200, { satisfactionTargetPct: office.ctx.satisfactionTargetPct() });
  });

  router.on('GET', '/api/settings/announcement', ({ req, res }) => {
    sessions.require(req, 'admin');
    sendJson(res, 200, office.ctx.announcement());
  });

  router.on('PUT', '/api/settings/announcement', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const settings = parse(announcementBody, await readJsonBody(req));
    admin.setAnnouncement(settings, userActor(user));
    sendJson(res, 200, office.ctx.announcement());
  });

  router.on('GET', '/api/settings/public-address', ({ req, res }) => {
    sessions.require(req, 'admin');
    sendJson(res, 200, publicAddressSettings());
  });

  router.on('PUT', '/api/settings/public-address', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const { publicBaseUrl } = parse(publicAddressBody, await readJsonBody(req));
    admin.setPublicBaseUrl(publicBaseUrl, userActor(user));
    sendJson(res, 200, publicAddressSettings());
  });

  // Public: the poster and the phone page show it to anyone.
  router.on('GET', '/api/settings/complaint-channel', ({ res }) => {
    sendJson(res, 200, { complaintChannel: office.ctx.complaintChannel() });
  });

  router.on('PUT', '/api/settings/complaint-channel', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const channel = parse(complaintChannelBody, await readJsonBody(req));
    admin.setComplaintChannel(channel, userActor(user));
    sendJson(res, 200, { complaintChannel: office.ctx.complaintChannel() });
  });

  function publicAddressSettings(): PublicAddressSettings {
    const address = office.ctx.publicAddress();
    return {
      publicBaseUrl: office.ctx.publicBaseUrlSetting(),
      effective: address.publicBaseUrl,
      source: address.source,
      loopback: address.loopback,
      lanAddress: firstLanIpv4(office.ctx.networkInterfaces()),
    };
  }

  /** Ticket numbers are prefix + code: a code starting with the priority prefix could repeat a number. */
  function assertCodeClear(code: string): void {
    const prefix = office.ctx.config().priority.prefix;
    if (code.startsWith(prefix)) {
      throw conflict(
        'prefix_clash',
        `service code ${code} starts with the priority prefix ${prefix}`,
      );
    }
  }
}
