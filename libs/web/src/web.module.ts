import { Global, Module } from '@nestjs/common';
import { HTML_ERROR_RENDERER } from '@academy/platform';
import { CsrfGuard } from './csrf/csrf.guard';
import { HtmlErrorPages } from './errors/html-error-pages';
import { AssetsController } from './http/assets.controller';
import { HomeController } from './http/home.controller';
import { StaticAssets } from './http/static-assets';
import { PageRenderer } from './render/page-renderer';

/**
 * The page shell every context renders into: layout, partials, messages in nl/fy/en, static assets,
 * CSRF checking for forms and HTML error pages. Global, so a context only injects PageRenderer.
 */
@Global()
@Module({
  controllers: [HomeController, AssetsController],
  providers: [
    StaticAssets,
    PageRenderer,
    CsrfGuard,
    HtmlErrorPages,
    { provide: HTML_ERROR_RENDERER, useExisting: HtmlErrorPages },
  ],
  exports: [PageRenderer, CsrfGuard, HTML_ERROR_RENDERER],
})
export class WebModule {}
