import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFileName, checkUpload } from './uploads.ts';

test('file names with path separators, control characters or leading dots are refused', () => {
  for (const bad of ['../x.pdf', 'a/b.pdf', 'a\\b.pdf', 'C:x.pdf', '.env', '', 'a\u0000b.pdf', 'x'.repeat(201)]) {
    assert.throws(() => checkFileName(bad), (e: { code: string }) => e.code === 'invalid_file_name', JSON.stringify(bad));
  }
  assert.equal(checkFileName('Презентация 技术.pdf'), 'Презентация 技术.pdf');
});

test('content decides the type; size is capped per kind', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
  assert.equal((await checkUpload('attachment', 'a.pdf', pdf)).mime, 'application/pdf');
  await assert.rejects(checkUpload('logo', 'a.png', pdf), (e: { code: string }) => e.code === 'unsupported_media_type');
  await assert.rejects(checkUpload('attachment', 'a.pdf', Buffer.from('MZ\x90\x00 fake exe')), (e: { code: string }) => e.code === 'unsupported_media_type');
  await assert.rejects(checkUpload('attachment', 'a.pdf', Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)])), (e: { code: string }) => e.code === 'payload_too_large');
});
