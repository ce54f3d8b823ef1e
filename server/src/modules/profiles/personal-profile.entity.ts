import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { InstantColumn } from '../../common/database/columns.js';
import { LanguageEnum } from '../../common/graphql/language.enum.js';
import { type Language } from '../../common/i18n/language.js';
import type { User } from '../users/user.entity.js';

/** The personal profile asked at first sign-in (seed 003 §1.6); changed later under "Accounts and profiles". */
@ObjectType('PersonalProfile', { description: 'The signed-in person’s personal profile.' })
@Entity('personal_profile')
export class PersonalProfileRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @OneToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field(() => String, { description: 'Given name, at most 100 characters.' })
  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Field(() => String, { description: 'Family name, at most 100 characters.' })
  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  /** Normalised NANP: 613-555-0101. */
  @Field(() => String, { description: 'Normalised North American number: 613-555-0101.' })
  @Column({ type: 'varchar', length: 12 })
  phone: string;

  @Field(() => String, {
    nullable: true,
    description: 'Telephone extension, up to 6 digits; null when none.',
  })
  @Column({ name: 'phone_extension', type: 'varchar', length: 6, nullable: true })
  phoneExtension: string | null;

  @Field(() => String, { description: 'Where the portal sends notice emails (at most 254 characters).' })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field(() => Boolean, { description: 'Whether notices are also emailed (urgent notices always are).' })
  @Column({ name: 'receive_notice_emails', type: 'boolean' })
  receiveNoticeEmails: boolean;

  /** When the person last accepted the terms of notice emails (required on every save). */
  @InstantColumn('notice_terms_accepted_at')
  noticeTermsAcceptedAt: Date;

  @Field(() => LanguageEnum, {
    description: 'The language of the person’s emails and, by default, of the portal.',
  })
  @Column({ name: 'preferred_language', type: 'varchar', length: 2 })
  preferredLanguage: Language;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('updated_at')
  updatedAt: Date;
}
