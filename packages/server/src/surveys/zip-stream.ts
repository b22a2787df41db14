import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A ZIP archive written as a stream (PKWARE APPNOTE 6.3: local headers with data descriptors,
 * then the central directory), for XLSX files far larger than memory. Each entry is deflated
 * by node:zlib while it is written; nothing is held but the entries' names and sizes.
 * No Zip64: an entry or archive over 4 GiB is refused (an XLSX sheet holds at most ~1 GB).
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: { name: Buffer; crc: number; compressed: number; size: number; offset: number }[] = [];
  private open = false;

  constructor(
    private readonly out: Writable,
    /** zlib level: 1 compresses a little less and several times faster than the default 6. */
    private readonly level = 1,
  ) {}

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Start an entry; write its content with `write`, then `close` it before the next one. */
  async entry(name: string): Promise<{ write(text: string | Buffer): Promise<void>; close(): Promise<void> }> {
    if (this.open) throw new Error('zip: an entry is still open');
    this.open = true;
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0); // local file header
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in the data descriptor; bit 11: UTF-8 name
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(DOS_TIME, 10); // time and date; CRC and sizes (14–25) follow the data
    header.writeUInt16LE(nameBytes.length, 26);
    await this.emit(Buffer.concat([header, nameBytes]));

    const deflate = createDeflateRaw({ level: this.level });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const pumped = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        compressed += chunk.length;
        await this.emit(chunk);
      }
    })();
    // Surface a failure of the output while the writer waits on the compressor.
    let failure: unknown = null;
    void pumped.catch((error) => {
      failure = error;
      deflate.destroy();
    });

    return {
      write: async (content) => {
        if (failure) throw failure;
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!deflate.write(bytes)) await Promise.race([once(deflate, 'drain'), pumped]);
      },
      close: async () => {
        deflate.end();
        await pumped;
        if (size > 0xffffffff || compressed > 0xffffffff || this.offset > 0xffffffff) throw new Error(`zip: ${name} exceeds 4 GiB`);
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        descriptor.writeUInt32LE(compressed, 8);
        descriptor.writeUInt32LE(size, 12);
        await this.emit(descriptor);
        this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
        this.open = false;
      },
    };
  }

  /** A whole entry at once (the small parts of a file). */
  async add(name: string, content: string): Promise<void> {
    const e = await this.entry(name);
    await e.write(content);
    await e.close();
  }

  /** Write the central directory and end the output stream. */
  async finish(): Promise<void> {
    if (this.open) throw new Error('zip: an entry is still open');
    const start = this.offset;
    for (const e of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0); // central directory file header
      record.writeUInt16LE(20, 4); // made by: 2.0
      record.writeUInt16LE(20, 6); // needed: 2.0
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt32LE(DOS_TIME, 12);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      record.writeUInt32LE(e.offset, 42);
      await this.emit(Buffer.concat([record, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); // end of central directory
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }
}

/**
 * Every entry carries the same timestamp, 1 January 2000 00:00 in MS-DOS form: the file's date
 * is the export's (kept in the database), and a fixed one makes equal exports byte-for-byte equal.
 */
const DOS_TIME = ((2000 - 1980) << 25) | (1 << 21) | (1 << 16);
