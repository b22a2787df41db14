import { AppError } from '@potreby/domain';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * A multipart upload as the import forms send it: one file in the field `file`, and text fields
 * validated with `fields`. Read whole: an XLSForm is small, and a responses file is checked in
 * full before anything is stored anyway.
 */
export async function readUpload<T extends z.ZodType>(request: FastifyRequest, fields: T): Promise<{ fileName: string; bytes: Buffer; fields: z.infer<T> }> {
  if (!request.isMultipart()) throw new AppError('validation.invalid', {}, { issues: [{ path: 'file', message: 'multipart_required' }] });
  let file: { fileName: string; bytes: Buffer } | null = null;
  const values: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw new AppError('validation.invalid', {}, { issues: [{ path: part.fieldname, message: 'one_file_in_field_file' }] });
      file = { fileName: part.filename, bytes: await part.toBuffer() };
    } else {
      values[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new AppError('validation.invalid', {}, { issues: [{ path: 'file', message: 'required' }] });
  const parsed = fields.safeParse(values);
  if (!parsed.success) throw new AppError('validation.invalid', {}, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return { ...file, fields: parsed.data };
}
