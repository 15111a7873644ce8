import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '@academy/platform';
import { CategoriesService } from './categories.service';
import { CategoryResponse } from './dto/category.response';
import { CreateCategoryRequest } from './dto/create-category.request';

@ApiTags('catalogue')
@Controller('api/catalogue/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Categories, with their names in Dutch, Frisian and English' })
  @ApiOkResponse({ type: [CategoryResponse] })
  list(): Promise<CategoryResponse[]> {
    return this.categories.list();
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a category (administrators)' })
  @ApiCreatedResponse({ type: CategoryResponse })
  @ApiConflictResponse({ description: 'A category with this slug exists.' })
  create(@Body() body: CreateCategoryRequest): Promise<CategoryResponse> {
    return this.categories.create(body);
  }
}
