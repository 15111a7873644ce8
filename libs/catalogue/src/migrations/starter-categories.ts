/** The categories the catalogue starts with (first migration). WARNING: slugs are in shared URLs. */
export const STARTER_CATEGORIES = [
  { slug: 'zorg-en-welzijn', nl: 'Zorg en welzijn', fy: 'Soarch en wolwêzen', en: 'Care and wellbeing' },
  { slug: 'mantelzorg', nl: 'Mantelzorg', fy: 'Mantelsoarch', en: 'Informal care' },
  {
    slug: 'veiligheid-en-ehbo',
    nl: 'Veiligheid en EHBO',
    fy: 'Feilichheid en EHBO',
    en: 'Safety and first aid',
  },
  {
    slug: 'organisatie-en-bestuur',
    nl: 'Organisatie en bestuur',
    fy: 'Organisaasje en bestjoer',
    en: 'Organisation and governance',
  },
  {
    slug: 'communicatie-en-media',
    nl: 'Communicatie en media',
    fy: 'Kommunikaasje en media',
    en: 'Communication and media',
  },
  {
    slug: 'persoonlijke-ontwikkeling',
    nl: 'Persoonlijke ontwikkeling',
    fy: 'Persoanlike ûntwikkeling',
    en: 'Personal development',
  },
  {
    slug: 'digitale-vaardigheden',
    nl: 'Digitale vaardigheden',
    fy: 'Digitale feardichheden',
    en: 'Digital skills',
  },
] as const;
