import { Module } from '@nestjs/common';

/** Placeholder: the handlebars page shell comes here. */
@Module({})
export class WebModule {}
