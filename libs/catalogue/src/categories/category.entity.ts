import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'catalogue_categories' })
export class Category {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** WARNING: part of shareable catalogue URLs (`?category=mantelzorg`); never change one. */
  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  @Column({ name: 'name_nl', type: 'varchar', length: 100 })
  nameNl!: string;

  @Column({ name: 'name_fy', type: 'varchar', length: 100 })
  nameFy!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
