import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@academy/platform';
import { CalendarTokenResponse, PreferencesResponse, UpdatePreferencesRequest } from './dto/preferences.dto';
import { PreferencesService } from './preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get('notifications/preferences')
  @ApiOkResponse({ type: PreferencesResponse })
  get(@CurrentUser() principal: Principal): Promise<PreferencesResponse> {
    return this.preferences.get(principal.userId);
  }

  @Put('notifications/preferences')
  @ApiOkResponse({ type: PreferencesResponse })
  update(
    @CurrentUser() principal: Principal,
    @Body() body: UpdatePreferencesRequest,
  ): Promise<PreferencesResponse> {
    return this.preferences.update(principal.userId, body);
  }

  /** A new address for the personal calendar feed; the old one stops working at once. */
  @Post('calendar/token')
  @HttpCode(200)
  @ApiOkResponse({ type: CalendarTokenResponse })
  async resetCalendarToken(@CurrentUser() principal: Principal): Promise<CalendarTokenResponse> {
    return { calendarFeedUrl: await this.preferences.resetCalendarToken(principal.userId) };
  }
}
