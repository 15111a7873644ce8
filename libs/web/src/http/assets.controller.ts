import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound, Public } from '@academy/platform';
import { StaticAssets } from './static-assets';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * `/assets/<name>`: the stylesheet and icons. Versioned URLs (`?v=<hash>`, as the layout writes them) are
 * cached for a year — on a slow village-hall connection the second page costs only its HTML.
 */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  constructor(private readonly assets: StaticAssets) {}

  @Get(':name')
  @Header('x-content-type-options', 'nosniff')
  serve(
    @Param('name') name: string,
    @Query('v') version: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const asset = this.assets.get(name);
    if (!asset) throw notFound('This file');
    void reply
      .header('content-type', asset.contentType)
      .header('etag', asset.etag)
      .header(
        'cache-control',
        version === asset.version ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=300',
      );
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    return reply.status(200).send(asset.body);
  }
}
