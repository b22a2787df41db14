import { AppError } from '@potreby/domain';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * A multipart upload as the import forms send it: one file in the field `file`, and text fields
 * validated with `fields`. Read whole: every import checks the whole file before it stores
 * anything (all or nothing), and the multipart plugin's size limit bounds it.
 */
export async function readUpload<T extends z.ZodType>(request: FastifyRequest, fields: T): Promise<{ fileName: string; bytes: Buffer; fields: z.infer<T> }> {
  if (!request.isMultipart()) throw new AppError('validation.invalid', {}, { issues: [{ path: 'file', message: 'multipart_required' }] });
  let file: { fileName: string; bytes: Buffer } | null = null;
  const values: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) throw new AppError('validation.invalid', {}, { issues: [{ path: part.fieldname, message: 'one_file_in_field_file' }] });
        file = { fileName: part.filename, bytes: await part.toBuffer() };
      } else {
        values[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    // A body cut short or with broken part headers: the multipart parser (busboy) throws a plain
    // Error ("Unexpected end of form"), which is the sender's fault, not the server's. Our own
    // refusals and the size limits (which carry a status) go on as they are.
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('validation.invalid', {}, { issues: [{ path: 'file', message: 'malformed_upload' }] });
  }
  if (!file) throw new AppError('validation.invalid', {}, { issues: [{ path: 'file', message: 'required' }] });
  const parsed = fields.safeParse(values);
  if (!parsed.success) throw new AppError('validation.invalid', {}, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return { ...file, fields: parsed.data };
}
