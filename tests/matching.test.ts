import { describe, expect, it } from 'vitest';
import { extract, mentionsOf } from './helpers.js';

describe('gazetteer matching on Arabic news sentences', () => {
  it('leaves attached proclitics out of the span and keeps the article', () => {
    const g = extract('وعززت موسكو وبكين علاقاتهما العسكرية والتجارية، وتعاونت بالدوحة مع والصين ولروسيا.');
    expect(mentionsOf(g, 'location:beijing')).toEqual(['بكين']);
    expect(mentionsOf(g, 'location:doha')).toEqual(['الدوحة']);
    expect(mentionsOf(g, 'country:cn')).toEqual(['الصين']);
    expect(mentionsOf(g, 'country:ru')).toEqual(['روسيا']);
  });

  it('starts the span after the first ل when ل merges with the article (للأمم المتحدة)', () => {
    const g = extract('وجه الأمين العام للأمم المتحدة نداء إلى الأطراف.');
    expect(mentionsOf(g, 'org:un')).toEqual(['لأمم المتحدة']);
  });

  it('prefers the longest name: one mention for قطاع غزة and for الولايات المتحدة الأمريكية', () => {
    const g = extract('العلاقات بين دولة قطر والولايات المتحدة الأمريكية، والحرب على قطاع غزة.');
    expect(mentionsOf(g, 'country:us')).toEqual(['الولايات المتحدة الأمريكية']);
    expect(mentionsOf(g, 'location:gaza-strip')).toEqual(['قطاع غزة']);
    expect(mentionsOf(g, 'country:qa')).toEqual(['قطر']);
  });

  it('reads a compass word before another word either way (حلف شمالي الأطلسي، جنوب شرقي آسيا)', () => {
    const g = extract('وعلى هامش اجتماع لحلف شمالي الأطلسي، قال إن المعارك تتواصل في شمالي اليمن وفي دول جنوب شرقي آسيا.');
    expect(mentionsOf(g, 'org:nato')).toEqual(['حلف شمالي الأطلسي']);
    expect(mentionsOf(g, 'location:northern-yemen')).toEqual(['شمالي اليمن']);
    expect(g.entities.some((e) => e.id === 'country:ye')).toBe(false);
  });

  it('matches spelling variants across hamza, ta marbuta and diacritics', () => {
    const g = extract('التقى أردوغان واردوغان وإسرائيل واسرائيل في القاهره.');
    expect(mentionsOf(g, 'country:il')).toHaveLength(2);
    expect(mentionsOf(g, 'location:cairo')).toEqual(['القاهره']);
  });

  it('reads nisba adjectives as their country, with kind nisba', () => {
    const g = extract('وصل الوفد القطري وأعلن الموقف الروسي واستقبل المسؤولون الإيرانيون الضيوف.');
    const kinds = (id: string) => g.entities.find((e) => e.id === id)?.mentions.map((m) => `${m.text}/${m.kind}`);
    expect(kinds('country:qa')).toEqual(['القطري/nisba']);
    expect(kinds('country:ru')).toEqual(['الروسي/nisba']);
    expect(kinds('country:ir')).toEqual(['الإيرانيون/nisba']);
  });

  it('every mention offset points into the original text', () => {
    const text = 'قَالَ الرَّئِيسُ الرُّوسِيُّ فلاديمير بوتين إنّ بلادَه تتطلّع إلى زيارةِ الرئيس الصيني شي جي بينغ لروسيا.';
    const g = extract(text);
    expect(g.entities.length).toBeGreaterThan(2);
    for (const e of g.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentionsOf(g, 'person:vladimir-putin')).toContain('فلاديمير بوتين');
  });

  it('finds people no gazetteer lists after a title, with new: ids', () => {
    const g = extract('وقال وزير الخارجية الموريتاني إسماعيل ولد الشيخ أحمد إن بلاده تدعم الحوار.');
    const p = g.entities.find((e) => e.id.startsWith('new:person:') || e.type === 'PERSON');
    expect(p).toBeDefined();
    expect(p!.mentions[0]!.text.startsWith('إسماعيل')).toBe(true);
  });

  it('finds a name of two words or more introduced by يدعى / المدعو, without the hyphen or particle after it', () => {
    const g = extract('وقالت الشرطة إن المتهم يدعى تشارلز غرانر - وهو جندي سابق - وإن شريكه المدعو محمد ناصر بأن الاتهامات باطلة.');
    expect(g.entities.filter((e) => e.type === 'PERSON').map((e) => e.name.ar)).toEqual(['تشارلز غرانر', 'محمد ناصر']);
    // one word says too little; تدعى is also "claims"
    const h = extract('وكانت الفتاة تدعى سارة، بينما تدعى الحكومة أن الأمر مختلف.');
    expect(h.entities.filter((e) => e.type === 'PERSON')).toEqual([]);
  });

  it('does not take a verb in the future after a title for a name', () => {
    const g = extract('وقال الرئيس الفنزويلي سيطلب توضيحا من واشنطن بشأن الحادث.');
    expect(g.entities.filter((e) => e.id.startsWith('new:person:'))).toEqual([]);
  });

  it('does not take common words after a title for a name', () => {
    const g = extract('وزير الخارجية القطري يبحث مع نظيره المصري جهود التهدئة في غزة');
    expect(g.entities.filter((e) => e.id.startsWith('new:'))).toEqual([]);
  });
});

describe('names longer than the listed form', () => {
  it('joins a given name and patronymic before a listed surname (مساعد بن محمد العيبان) into the listed person', () => {
    const g = extract('وحضر الاستقبال وزير الدولة عضو مجلس الوزراء الدكتور مساعد بن محمد العيبان.');
    const people = g.entities.filter((e) => e.type === 'PERSON');
    expect(people.map((e) => [e.id, e.mentions.map((m) => m.text)])).toEqual([['person:musaed-al-aiban', ['مساعد بن محمد العيبان']]]);
  });
});

describe('organizations no list has', () => {
  it('reads a head word, a few words and a definite nisba as a new organization', () => {
    const g = extract('أعلنت وزارة التوحيد الكورية الجنوبية أن القمة ستعقد الشهر المقبل، وفق وكالة الأرصاد الجوية الإندونيسية.');
    const orgs = g.entities.filter((e) => e.id.startsWith('new:organization:')).map((e) => e.mentions[0]!.text);
    expect(orgs).toEqual(['وزارة التوحيد الكورية الجنوبية', 'وكالة الأرصاد الجوية الإندونيسية']);
  });

  it('leaves indefinite descriptions alone', () => {
    const g = extract('وقال حزب سياسي سويدي إن شركة نووية أمريكية ستبني المحطة.');
    expect(g.entities.filter((e) => e.id.startsWith('new:organization:'))).toEqual([]);
  });
});

describe('bodies named without their country (مجلس الوزراء، وزارة الخارجية)', () => {
  const bare = (g: ReturnType<typeof extract>): string[] =>
    g.entities.flatMap((e) => e.mentions.filter((m) => m.rule === 'coref:bare-body').map((m) => `${e.id} ${m.text}`));

  it('stand for the body the article named in full before', () => {
    const g = extract(
      'أعلنت وزارة الخارجية القطرية، الأربعاء، أن الوزير بحث مع نظيره الأمريكي مستجدات الوساطة في غزة.\nوأضافت وزارة الخارجية في بيان أن الاتصال تناول العلاقات الثنائية.',
    );
    expect(bare(g)).toEqual(['org:mfa-qa وزارة الخارجية']);
  });

  it('stand for the body the article names in full after its headline', () => {
    const g = extract('وزارة الخارجية تستدعي السفير\nاستدعت وزارة الخارجية السعودية سفير كندا لدى الرياض احتجاجا على تصريحات مسؤولين كنديين.');
    expect(bare(g)).toEqual(['org:mfa-sa وزارة الخارجية']);
  });

  it('stand for the country an article mostly names when it names none in full', () => {
    const g = extract('قال مسؤول في مصر إن مجلس الوزراء وافق على خطة لدعم الصادرات المصرية، وإن الحكومة المصرية ستعرضها على البرلمان المصري الأسبوع المقبل.');
    expect(bare(g)).toEqual(['org:eg-cabinet مجلس الوزراء']);
  });

  it('are left alone when the article used them repeatedly before naming a foreign body in full, or names no clear country', () => {
    const roundup = extract(
      'وافق مجلس الوزراء في جلسته على تنظيم هيئة الترفيه.\nكما وافق مجلس الوزراء على اتفاقية للتعاون مع الأردن.\nورحب الوزراء بقرار مجلس الوزراء القطري تمديد الاتفاقية مع المغرب.',
    );
    expect(bare(roundup)).toEqual([]);
    expect(bare(extract('وقالت وزارة الخارجية إن وفدي روسيا وتركيا سيجتمعان في جنيف.'))).toEqual([]);
  });

  it('take the country of the person named by them, or of the capital they sit in, not of a region (ant-2018)', () => {
    expect(bare(extract('ومن بين المعارضين للتعريفات الجمهوري بول رايان، رئيس مجلس النواب، الذي قال إن التعريفات مست الدول الحليفة.', '2018-06-01'))).toEqual(['org:us-house مجلس النواب']);
    expect(bare(extract('ويعمل نحو 262 ألف فلبيني في الكويت، وفق وزارة الخارجية في مانيلا.'))).toEqual(['org:mfa-ph وزارة الخارجية']);
    expect(bare(extract('التقى شي جينبينغ مع نائب رئيس الإمارات رئيس مجلس الوزراء حاكم دبي الشيخ محمد بن راشد آل مكتوم.'))).toEqual(['org:uae-cabinet مجلس الوزراء']);
    expect(bare(extract('قالت إيرينا أدموندسون، كبيرة الاقتصاديين في وزارة المالية في كاليفورنيا، إن النمو تباطأ.'))).toEqual([]);
  });

  it('are no bare body when their own nisba follows or a description goes on', () => {
    expect(bare(extract('وأدانت وزارة الخارجية الروسية الهجوم، فيما قالت مصر إن وزارة الخارجية المصرية تتابع.'))).toEqual([]);
  });
});

describe('forms that are also common words (gazetteers/ambiguous.json)', () => {
  it('reads قاعدة without its article as a base, القاعدة with it as al-Qaeda', () => {
    const base = extract('غارة إسرائيلية استهدفت قاعدة التيفور العسكرية التابعة للجيش السوري.');
    expect(base.entities.map((e) => e.id)).not.toContain('org:al-qaeda');
    expect(mentionsOf(extract('هاجم مسلحو القاعدة نقطة تفتيش في أبين.'), 'org:al-qaeda')).toEqual(['القاعدة']);
  });

  it('reads a one-word surname alias as the person the article names in full (رانيا المشاط … المشاط), not the alias\'s own person', () => {
    const g = extract('قالت وزيرة السياحة رانيا المشاط إن الوزارة ستوقع بروتوكول تعاون. وقالت المشاط إن الحملة ستبدأ قريبا.');
    expect(mentionsOf(g, 'person:rania-al-mashat')).toEqual(['رانيا المشاط', 'المشاط']);
    expect(g.entities.some((e) => e.id === 'person:mahdi-al-mashat')).toBe(false);
    expect(mentionsOf(extract('وقال المشاط إن الحوثيين مستعدون للحوار.'), 'person:mahdi-al-mashat')).toEqual(['المشاط']);
  });

  it('gives a person no list has no short given name that is a frequent name word, and nobody the short name الله', () => {
    const g = extract('وقال الدكتور محمد أحمد الشهراني إن المشروع سيبدأ قريبا. وأكد محمد بن سلمان أن المملكة ماضية في الإصلاح. وقال محمد إن العمل مستمر.');
    expect(mentionsOf(g, 'new:person:محمد-احمد-الشهراني')).toEqual(['محمد أحمد الشهراني']);
    const h = extract('وقال رئيس الوزراء الفلسطيني رامي الحمد الله إن الحكومة مستعدة، نسأل الله التوفيق.');
    expect(mentionsOf(h, 'person:rami-hamdallah')).not.toContain('الله');
  });

  it('reads كوشنير as Jared Kushner in an article about Trump, else as Bernard Kouchner', () => {
    expect(mentionsOf(extract('وقال ترامب إن صهره كوشنير سيزور المنطقة.'), 'person:jared-kushner')).toEqual(['كوشنير']);
    expect(mentionsOf(extract('قال وزير الخارجية الفرنسي السابق كوشنير إن الحل سياسي.'), 'person:bernard-kouchner')).toEqual(['كوشنير']);
  });

  it('reads الأهلي after a noun as the adjective (التعليم الأهلي، السلم الأهلي), alone as the club', () => {
    // saudinewsnet-2015: 193 such mentions were the Egyptian club.
    const adjective = extract('يحقق الاستثمار في قطاع التعليم الأهلي نموا هائلا في السعودية، ودعا المجلس الأهلي إلى حفظ السلم الأهلي.');
    expect(adjective.entities.map((e) => e.id)).not.toContain('org:al-ahly-eg');
    expect(mentionsOf(extract('وفاز الأهلي على الزمالك بهدفين في الدوري المصري.'), 'org:al-ahly-eg')).toEqual(['الأهلي']);
    const family = extract('لقد قضيت أيام العيد في بلدي لوجود أهلي وأقربائي أما في السعودية فوحيد.');
    expect(family.entities.filter((e) => e.type === 'ORGANIZATION')).toEqual([]);
  });

  it('reads دوما as the adverb unless the sentence or the article is about the town, الدوما as the Russian Duma', () => {
    expect(extract('وقال فابريغاس: يحاولون دوما ممارسة الضغط المكثف على المنافس.').entities).toEqual([]);
    expect(mentionsOf(extract('وقالت روسيا إن لديها دليلا على أن حادثة دوما مسرحية.'), 'location:douma')).toEqual(['دوما']);
    expect(mentionsOf(extract('وأعلن الجيش السيطرة على كامل الغوطة الشرقية. وكانت المفاوضات جارية لتجنيب دوما هجوما جديدا.'), 'location:douma')).toEqual(['دوما']);
    expect(mentionsOf(extract('وافق الدوما على مشروع القانون بأغلبية كبيرة.'), 'org:russia-duma')).toEqual(['الدوما']);
  });

  it('takes no one-word name from a word written with ئ or ؤ when the name never is (فئات is not فيات، المؤدي not مودي)', () => {
    const words = extract('وشدد على ضرورة دعم جميع الفئات المتضررة من الصراع الدائر في البلاد.');
    expect(words.entities).toEqual([]);
    expect(extract('وشوهد مئات المشجعين على طول الطريق المؤدي إلى الملعب.').entities).toEqual([]);
    expect(mentionsOf(extract('التقى رئيس الوزراء الهندي ناريندرا مودي بالرئيس الصيني. وقال مودي إن اللقاء كان مثمرا.'), 'person:narendra-modi')).toContain('مودي');
    expect(mentionsOf(extract('أعلنت شركة فيات عن سيارة جديدة.'), 'org:fiat')).toEqual(['فيات']);
    // A name of several words is spelled either way in news.
    expect(mentionsOf(extract('وقال رئيس حكومة الوفاق الوطني الليبية فائز السراج إن الاجتماع كان مثمرا.'), 'person:fayez-al-sarraj')).toEqual(['فائز السراج']);
  });

  it('reads الأهلي beside Saudi clubs, or in an article about them that names nothing Egyptian, as Al-Ahli of Jeddah (docAny, docNone)', () => {
    expect(mentionsOf(extract('كيف انتهت 12 مواجهة دورية حاسمة بين الأهلي والهلال؟'), 'org:al-ahli-sa')).toEqual(['الأهلي']);
    // The Saudi club is named only in the next sentence: one sense per article.
    const article = extract('تعاقد الأهلي مع مدرب جديد لقيادة الفريق في الموسم المقبل. وكان الفريق قد خسر أمام الهلال في المرحلة الماضية.');
    expect(mentionsOf(article, 'org:al-ahli-sa')).toEqual(['الأهلي']);
    const egyptian = extract('تعاقد الأهلي مع مدرب جديد لقيادة الفريق في الموسم المقبل. وكان الفريق قد خسر أمام الهلال السوداني قبل مواجهة الزمالك.');
    expect(mentionsOf(egyptian, 'org:al-ahly-eg')).toEqual(['الأهلي']);
  });
});
