import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Injectable } from '@nestjs/common';

export interface Asset {
  body: Buffer;
  contentType: string;
  /** Short content hash: part of the URL, so a browser may keep the file for a year. */
  version: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const ASSETS_DIR = join(__dirname, '..', 'assets');

/**
 * Our few static files, read once into memory. Only these names are ever served, so no request path
 * reaches the file system.
 */
@Injectable()
export class StaticAssets {
  private readonly assets = new Map<string, Asset>();

  constructor() {
    for (const name of readdirSync(ASSETS_DIR)) {
      const contentType = TYPES[extname(name)];
      if (!contentType) continue;
      const body = readFileSync(join(ASSETS_DIR, name));
      const version = createHash('sha256').update(body).digest('base64url').slice(0, 12);
      this.assets.set(name, { body, contentType, version, etag: `"${version}"` });
    }
  }

  get(name: string): Asset | undefined {
    return this.assets.get(name);
  }

  /** The versioned URL templates link to. */
  url(name: string): string {
    const asset = this.assets.get(name);
    if (!asset) throw new Error(`No asset "${name}" in ${ASSETS_DIR}.`);
    return `/assets/${name}?v=${asset.version}`;
  }
}
