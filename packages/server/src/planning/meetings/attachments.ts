import { AppError, type Actor } from '@potreby/domain';
import { eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Db } from '../../db/database';
import { assertOpen } from '../rounds';
import { loadMeeting } from './meetings';
import { meetingAttachment } from './tables';

/** The most one attachment may weigh. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const ZIP = 'application/zip';
/** The kinds of files a meeting keeps, by the name's ending, with their media types. */
const KINDS: Record<string, { type: string; container: 'pdf' | 'png' | 'jpeg' | typeof ZIP; marker?: string }> = {
  pdf: { type: 'application/pdf', container: 'pdf' },
  png: { type: 'image/png', container: 'png' },
  jpg: { type: 'image/jpeg', container: 'jpeg' },
  jpeg: { type: 'image/jpeg', container: 'jpeg' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', container: ZIP, marker: 'word/document.xml' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', container: ZIP, marker: 'xl/workbook.xml' },
  odt: { type: 'application/vnd.oasis.opendocument.text', container: ZIP, marker: 'mimetypeapplication/vnd.oasis.opendocument.text' },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', container: ZIP, marker: 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet' },
};

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * The media type of an attachment, judged by its bytes (the file's signature) as well as its
 * name: a renamed program or a web page called "minutes.pdf" is refused. No well-kept detector
 * (`file-type`) is installed and these seven kinds have plain signatures: PDF "%PDF-", PNG's
 * eight bytes, JPEG FF D8 FF; DOCX/XLSX/ODT/ODS are ZIP archives ("PK\3\4") told apart by the
 * part every such file has (word/document.xml, xl/workbook.xml) or by OpenDocument's first,
 * uncompressed `mimetype` entry. Null when the file is none of them.
 */
export function attachmentType(fileName: string, bytes: Buffer): string | null {
  const kind = KINDS[fileName.toLowerCase().split('.').pop() ?? ''];
  if (!kind) return null;
  const ok =
    kind.container === 'pdf'
      ? startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])
      : kind.container === 'png'
        ? startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        : kind.container === 'jpeg'
          ? startsWith(bytes, [0xff, 0xd8, 0xff])
          : startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && bytes.includes(kind.marker!, 0, 'latin1');
  return ok ? kind.type : null;
}

/** Keep a file with a meeting: the region's officers; at most 10 MB; only the kinds above. Nothing is stored if refused. */
export async function addAttachment(db: Db, actor: Actor, author: ChangeAuthor, meetingId: number, file: { fileName: string; bytes: Buffer }) {
  const { loaded } = await loadMeeting(db, actor, meetingId, 'run');
  assertOpen(loaded);
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('attachment.too_large');
  if (file.bytes.length === 0) throw new AppError('attachment.empty');
  const mediaType = attachmentType(file.fileName, file.bytes);
  if (!mediaType) throw new AppError('attachment.type_not_allowed');
  const fileName = file.fileName.replace(/[\\/]/g, '_').slice(0, 255);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingAttachment)
      .values({ meetingId, fileName, mediaType, size: file.bytes.length, bytes: file.bytes, uploadedBy: author.userId })
      .returning({ id: meetingAttachment.id, fileName: meetingAttachment.fileName, mediaType: meetingAttachment.mediaType, size: meetingAttachment.size, uploadedAt: meetingAttachment.uploadedAt });
    await recordChange(tx, author, { action: 'create', entity: 'meeting_attachment', entityId: row!.id, country: loaded.territory.country, territoryId: loaded.territory.id, after: { meetingId, fileName, mediaType, size: row!.size } });
    return { ...row!, uploadedAt: row!.uploadedAt.toISOString() };
  });
}

async function loadAttachment(db: Db, actor: Actor, id: number, need: 'read' | 'run') {
  const [found] = await db.select().from(meetingAttachment).where(eq(meetingAttachment.id, id));
  if (!found) throw new AppError('not_found');
  const { loaded } = await loadMeeting(db, actor, found.meetingId, need);
  return { attachment: found, loaded };
}

export async function readAttachment(db: Db, actor: Actor, id: number) {
  return (await loadAttachment(db, actor, id, 'read')).attachment;
}

export async function deleteAttachment(db: Db, actor: Actor, author: ChangeAuthor, id: number) {
  const { attachment, loaded } = await loadAttachment(db, actor, id, 'run');
  assertOpen(loaded);
  await db.transaction(async (tx) => {
    await tx.delete(meetingAttachment).where(eq(meetingAttachment.id, id));
    await recordChange(tx, author, { action: 'delete', entity: 'meeting_attachment', entityId: id, country: loaded.territory.country, territoryId: loaded.territory.id, before: { meetingId: attachment.meetingId, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size } });
  });
}
