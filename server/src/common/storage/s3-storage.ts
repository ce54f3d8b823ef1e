import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import aws4 from 'aws4';
import { checkKey, type DocumentStorage } from './document-storage.js';

export interface S3StorageOptions {
  /** e.g. https://s3.ca-central-1.amazonaws.com, or a local S3-compatible server. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (endpoint/bucket/key), as most S3-compatible servers want; else bucket.endpoint/key. */
  forcePathStyle: boolean;
}

/**
 * Documents as objects of an S3-compatible bucket, signed with AWS Signature Version 4 (aws4) over
 * node:http(s). Bodies stream both ways (UNSIGNED-PAYLOAD with a known length), so a 15 MB file is never
 * held in memory.
 */
export function s3Storage(options: S3StorageOptions): DocumentStorage {
  const base = new URL(options.endpoint);
  const credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };

  function request(
    method: 'PUT' | 'GET' | 'DELETE' | 'HEAD',
    key: string,
    headers: Record<string, string | number> = {},
  ): http.ClientRequest {
    const objectPath = `/${encodeURIComponent(checkKey(key)).replace(/%2F/g, '/')}`;
    const host = options.forcePathStyle ? base.host : `${options.bucket}.${base.host}`;
    const prefix = base.pathname.replace(/\/$/, '');
    const signed = aws4.sign(
      {
        host,
        path: options.forcePathStyle ? `${prefix}/${options.bucket}${objectPath}` : `${prefix}${objectPath}`,
        method,
        service: 's3',
        region: options.region,
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...headers },
      },
      credentials,
    );
    const transport = base.protocol === 'https:' ? https : http;
    return transport.request({
      protocol: base.protocol,
      hostname: options.forcePathStyle ? base.hostname : `${options.bucket}.${base.hostname}`,
      port: base.port || undefined,
      method,
      path: signed.path,
      headers: signed.headers as http.OutgoingHttpHeaders,
    });
  }

  function response(req: http.ClientRequest): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      req.once('response', resolve);
      req.once('error', reject);
    });
  }

  async function drain(res: http.IncomingMessage): Promise<string> {
    let text = '';
    for await (const chunk of res) if (text.length < 2000) text += String(chunk);
    return text;
  }

  async function fail(what: string, res: http.IncomingMessage): Promise<never> {
    const body = await drain(res);
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? 'unknown';
    throw new Error(`S3 ${what} failed: HTTP ${res.statusCode} ${code}`);
  }

  return {
    kind: 's3',
    async putFile(key, sourcePath, size, contentType) {
      const req = request('PUT', key, { 'content-length': size, 'content-type': contentType });
      const answered = response(req);
      await pipeline(createReadStream(sourcePath), req);
      const res = await answered;
      if (res.statusCode !== 200) await fail('PUT', res);
      await drain(res);
    },
    async open(key) {
      const req = request('GET', key);
      req.end();
      const res = await response(req);
      if (res.statusCode !== 200) await fail('GET', res);
      return res;
    },
    async delete(key) {
      const req = request('DELETE', key);
      req.end();
      const res = await response(req);
      if (res.statusCode !== 204 && res.statusCode !== 200 && res.statusCode !== 404)
        await fail('DELETE', res);
      await drain(res);
    },
    async exists(key) {
      const req = request('HEAD', key);
      req.end();
      const res = await response(req);
      await drain(res);
      if (res.statusCode === 200) return true;
      if (res.statusCode === 404) return false;
      throw new Error(`S3 HEAD failed: HTTP ${res.statusCode}`);
    },
  };
}
