import { AppError } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { z } from 'zod';
import type { App } from '../../http/app';
import { actorLabel, actorOf, type SessionActor } from '../../http/context';
import type { RouteContext } from '../../http/routes';
import { loadRound, roundMunicipalities, today } from '../rounds';
import { addAttachment, deleteAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from './attachments';
import { documentLanguageOf, renderMeetingDocument } from './meeting-document';
import { addDecision, createMeeting, listMeetings, loadMeeting, meetingView, scheduleFollowUp, taskOfDecision, updateDecision, updateMeeting } from './meetings';
import {
  ZAttachmentView,
  ZDecisionInput,
  ZFollowUpInput,
  ZIdParam,
  ZMeetingDocumentParam,
  ZMeetingDocumentQuery,
  ZMeetingInput,
  ZMeetingList,
  ZMeetingView,
  ZTaskDone,
  ZTaskInput,
  ZTaskList,
  ZTaskQuery,
  ZTaskView,
} from './schema';
import { createTask, listTasks, presentTask, setTaskDone, updateTask } from './tasks';

const TAGS = ['planning'];

/** The tasks and working meetings of a planning round (issue 8, items 3 and 4). */
export function meetingRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: SessionActor) => ({ userId: actor.userId, actor: actorLabel(actor) });
  const viewOf = async (id: number, actor: SessionActor) => meetingView(db, (await loadMeeting(db, actor, id)).meeting);

  // ---- tasks ----
  app.get('/api/v1/planning/rounds/:id/tasks', { schema: { tags: TAGS, summary: "A round's tasks (besides its stages): all, overdue or due this week; `mine`: of territories in the reader's reach", params: ZIdParam, querystring: ZTaskQuery, response: { 200: ZTaskList } } }, async (request) => {
    const actor = actorOf(request);
    const loaded = await loadRound(db, actor, request.params.id);
    return { items: await listTasks(db, actor, loaded, request.query.filter, request.query.mine === 'true', today()) };
  });

  app.post('/api/v1/planning/rounds/:id/tasks', { schema: { tags: TAGS, summary: 'Add a task to a round', params: ZIdParam, body: ZTaskInput, response: { 201: ZTaskView } } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(presentTask(await createTask(db, actor, authorOf(actor), request.params.id, request.body)));
  });

  app.put('/api/v1/planning/tasks/:id', { schema: { tags: TAGS, summary: "Change a task's title, owner, stage or due date", params: ZIdParam, body: ZTaskInput, response: { 200: ZTaskView } } }, async (request) => {
    const actor = actorOf(request);
    return presentTask(await updateTask(db, actor, authorOf(actor), request.params.id, request.body));
  });

  app.put('/api/v1/planning/tasks/:id/done', { schema: { tags: TAGS, summary: 'Mark a task done on a date, or open again (null)', params: ZIdParam, body: ZTaskDone, response: { 200: ZTaskView } } }, async (request) => {
    const actor = actorOf(request);
    return presentTask(await setTaskDone(db, actor, authorOf(actor), request.params.id, request.body.doneDate));
  });

  // ---- meetings ----
  app.get('/api/v1/planning/rounds/:id/meetings', { schema: { tags: TAGS, summary: "A round's working meetings", params: ZIdParam, response: { 200: ZMeetingList } } }, async (request) => {
    const loaded = await loadRound(db, actorOf(request), request.params.id);
    return { items: await listMeetings(db, loaded.round.id) };
  });

  app.post('/api/v1/planning/rounds/:id/meetings', { schema: { tags: TAGS, summary: 'Record a working meeting of a round', params: ZIdParam, body: ZMeetingInput, response: { 201: ZMeetingView } } }, async (request, reply) => {
    const actor = actorOf(request);
    const meeting = await createMeeting(db, actor, authorOf(actor), request.params.id, request.body);
    return reply.status(201).send(await meetingView(db, meeting));
  });

  app.get('/api/v1/planning/meetings/:id', { schema: { tags: TAGS, summary: 'A meeting with its participants, decisions and attachments', params: ZIdParam, response: { 200: ZMeetingView } } }, async (request) => viewOf(request.params.id, actorOf(request)));

  app.put('/api/v1/planning/meetings/:id', { schema: { tags: TAGS, summary: 'Change a meeting (its participants list is replaced)', params: ZIdParam, body: ZMeetingInput, response: { 200: ZMeetingView } } }, async (request) => {
    const actor = actorOf(request);
    return meetingView(db, await updateMeeting(db, actor, authorOf(actor), request.params.id, request.body));
  });

  app.post('/api/v1/planning/meetings/:id/follow-up', { schema: { tags: TAGS, summary: 'Schedule the follow-up meeting: its agenda lists the open decisions of this one', params: ZIdParam, body: ZFollowUpInput, response: { 201: ZMeetingView } } }, async (request, reply) => {
    const actor = actorOf(request);
    const { loaded } = await loadMeeting(db, actor, request.params.id, 'run');
    const heading = translator(documentLanguageOf(loaded.territory.country))('meetings.followUpHeading');
    const meeting = await scheduleFollowUp(db, actor, authorOf(actor), request.params.id, request.body, heading);
    return reply.status(201).send(await meetingView(db, meeting));
  });

  app.post('/api/v1/planning/meetings/:id/decisions', { schema: { tags: TAGS, summary: 'Record a decision of a meeting', params: ZIdParam, body: ZDecisionInput, response: { 201: ZMeetingView } } }, async (request, reply) => {
    const actor = actorOf(request);
    await addDecision(db, actor, authorOf(actor), request.params.id, request.body);
    return reply.status(201).send(await viewOf(request.params.id, actor));
  });

  app.put('/api/v1/planning/decisions/:id', { schema: { tags: TAGS, summary: 'Change a decision of a meeting', params: ZIdParam, body: ZDecisionInput, response: { 200: ZMeetingView } } }, async (request) => {
    const actor = actorOf(request);
    const decision = await updateDecision(db, actor, authorOf(actor), request.params.id, request.body);
    return viewOf(decision.meetingId, actor);
  });

  app.post('/api/v1/planning/decisions/:id/task', { schema: { tags: TAGS, summary: "Make a task of a meeting's decision", params: ZIdParam, response: { 201: ZTaskView } } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(presentTask(await taskOfDecision(db, actor, authorOf(actor), request.params.id)));
  });

  // ---- attachments ----
  app.post(
    '/api/v1/planning/meetings/:id/attachments',
    {
      schema: {
        tags: TAGS,
        summary: 'Attach a file to a meeting (PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG; at most 10 MB)',
        description: 'multipart/form-data with the file in field `file`. A file over 10 MB is refused with 413 `attachment.too_large`, an empty one with 400 `attachment.empty`, one of another kind (judged by its bytes) with 400 `attachment.type_not_allowed`; nothing is stored.',
        params: ZIdParam,
        consumes: ['multipart/form-data'],
        response: { 201: ZAttachmentView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // Refuse before reading the file when the meeting is not the actor's to change.
      await loadMeeting(db, actor, request.params.id, 'run');
      if (!request.isMultipart()) throw new AppError('validation.invalid', {}, { issues: [{ path: 'file', message: 'multipart_required' }] });
      // One byte over the limit is enough to know it is too big; the multipart plugin stops there (413).
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!part || part.fieldname !== 'file') throw new AppError('validation.invalid', {}, { issues: [{ path: 'file', message: 'required' }] });
      // The plugin stops reading one byte over the limit: an attachment's own refusal, not an import's.
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('attachment.too_large') : error;
      });
      if (part.file.truncated) throw new AppError('attachment.too_large');
      return reply.status(201).send(await addAttachment(db, actor, authorOf(actor), request.params.id, { fileName: part.filename, bytes }));
    },
  );

  app.get('/api/v1/planning/attachments/:id', { schema: { tags: TAGS, summary: "Download a meeting's attachment", params: ZIdParam } }, async (request, reply) => {
    const file = await readAttachment(db, actorOf(request), request.params.id);
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(file.mediaType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(file.bytes);
  });

  app.delete('/api/v1/planning/attachments/:id', { schema: { tags: TAGS, summary: "Remove a meeting's attachment", params: ZIdParam, response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    await deleteAttachment(db, actor, authorOf(actor), request.params.id);
    return reply.status(204).send();
  });

  // ---- documents ----
  app.get(
    '/api/v1/planning/meetings/:id/documents/:kind',
    { schema: { tags: TAGS, summary: "A meeting's participants list or minutes as DOCX or PDF, in the round country's language", params: ZMeetingDocumentParam, querystring: ZMeetingDocumentQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { meeting, loaded } = await loadMeeting(db, actor, request.params.id);
      const view = await meetingView(db, meeting);
      const file = await renderMeetingDocument(request.params.kind, request.query.format, view, loaded, await roundMunicipalities(db, loaded.territory));
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  );
}
