import { describe, expect, it } from 'vitest';
import { devDocs, expectNoRelation, extract, hasRelation, pipeline, relationsOfType } from './helpers.js';

describe('relations on the seed page (first dev document)', () => {
  const seed = devDocs()[0]!;
  const g = pipeline().process({ id: seed.id }, seed.text);
  const rel = (type: string, a: string, b: string, sym = false) => hasRelation(g, type, a, b, sym);

  it('finds the meetings', () => {
    expect(rel('MET_WITH', 'person:mohammed-bin-abdulrahman-al-thani', 'person:antony-blinken', true)).toBe(true);
    expect(rel('MET_WITH', 'person:wang-yi', 'person:vladimir-putin', true)).toBe(true);
    expect(rel('MET_WITH', 'person:wang-yi', 'person:sergey-lavrov', true)).toBe(true);
  });

  it('finds the six mediation pairs with all parties listed', () => {
    for (const m of ['country:us', 'country:qa', 'country:eg']) {
      for (const p of ['country:il', 'org:hamas']) expect(rel('MEDIATES_BETWEEN', m, p), `${m} → ${p}`).toBe(true);
    }
    const med = g.relations.find((r) => r.type === 'MEDIATES_BETWEEN')!;
    expect(med.attributes['between']).toEqual(['country:il', 'org:hamas']);
  });

  it('finds the visits, the planned one marked planned', () => {
    expect(rel('VISITS', 'person:wang-yi', 'country:ru')).toBe(true);
    const xi = g.relations.find((r) => r.type === 'VISITS' && r.source === 'person:xi-jinping' && r.target === 'country:ru');
    expect(xi?.attributes['modality']).toBe('planned');
  });

  it('finds the war between Russia and Ukraine', () => {
    expect(rel('AT_WAR_WITH', 'country:ru', 'country:ua', true)).toBe(true);
  });

  it('gives every relation evidence inside one sentence, its trigger and its rule', () => {
    for (const r of g.relations) {
      expect(r.rule).toBeTruthy();
      for (const ev of r.evidence) {
        expect(g.sentences.some((s) => s.start <= ev.start && ev.end <= s.end)).toBe(true);
        if (ev.trigger) expect(seed.text.slice(ev.trigger.start, ev.trigger.end)).toBe(ev.trigger.text);
      }
    }
  });
});

describe('visits', () => {
  it('takes the city of a consulate or embassy for the place visited, not the state it belongs to', () => {
    const g = extract('ما زال جمال خاشقجي مختفيا منذ زيارته إلى القنصلية السعودية في إسطنبول، الثلاثاء الماضي.');
    expect(relationsOfType(g, 'VISITS').map((r) => r.target)).toEqual(['location:istanbul']);
  });

  it('takes no person named as the genitive of a relational noun (مستشار ترامب، زوجة ميسي) for the visitor', () => {
    expect(relationsOfType(extract('مستشار ترامب يزور مصر وقطر تمهيدا لإعلان صفقة القرن.'), 'VISITS')).toEqual([]);
    expect(relationsOfType(extract('ووصلت زوجة ميسي إلى مدينة سان بطرسبرغ الروسية لمساندة زوجها.'), 'VISITS')).toEqual([]);
  });

  it('takes a person or a body next to the verb for the visitor, not a state, a body named in another clause or a sports club', () => {
    const yes = extract('وصل وزير الخارجية الأمريكي مايك بومبيو إلى الرياض السبت في أولى محطات جولته.');
    expect(hasRelation(yes, 'VISITS', 'person:mike-pompeo', 'location:riyadh')).toBe(true);
    const body = extract('ويعد الهلال الأحمر الإماراتي أول منظمة إنسانية تصل إلى منطقة كرش بعد تحريرها.');
    expect(relationsOfType(body, 'VISITS').map((r) => r.source)).toEqual(['org:ae-red-crescent']);
    expectNoRelation('VISITS', [
      'حذرت لجنة في مجلس العموم البريطاني من أن كوريا الشمالية ستمتلك صواريخ قادرة على الوصول إلى المملكة المتحدة.',
      'وبحسب ما أوضحته الهيئة السعودية في موقع "تويتر"، فإن الحرارة ستصل إلى 50 درجة مئوية في الدمام.',
      'وكان نادي مانشستر يونايتد قد سافر إلى الولايات المتحدة لخوض جولة تحضيرية.',
      'وقال الرئيس التركي رجب طيب إردوغان إن تركيا حلت قضية عفرين إلى حد بعيد.',
    ]);
  });
});

describe('words that are also trigger or name forms', () => {
  it('reads نصرة without its article as support, سافر after بشكل as blatant, and دعم after a statement verb and its subject as the noun', () => {
    const g = extract('وأكد الجبير دعم طهران لنظام بشار الأسد، وتدخلها في اليمن بشكل سافر، إضافة إلى البحرين. أعزه الله وأيده بنصره.');
    expect(relationsOfType(g, 'VISITS')).toEqual([]);
    expect(g.entities.some((e) => e.id === 'org:nusra')).toBe(false);
    expect(relationsOfType(g, 'SUPPORTS').map((r) => [r.source, r.target])).toEqual([['location:tehran', 'person:bashar-al-assad']]);
  });
});

describe('sports', () => {
  it('gives no meeting between national teams, but keeps a meeting with a president-elect (المنتخب)', () => {
    expect(relationsOfType(extract('ويلتقي منتخب السعودية مع منتخب مصر، الاثنين، في آخر مباريات المرحلة الأولى.'), 'MET_WITH')).toEqual([]);
    const g = extract('التقى وزير الخارجية الأميركي مايك بومبيو الرئيس المكسيكي المنتخب أندريس مانويل لوبيز أوبرادور في مكسيكو.');
    expect(relationsOfType(g, 'MET_WITH').map((r) => r.source)).toEqual(['person:mike-pompeo']);
  });
});

describe('war', () => {
  it('takes no trade war or war of words for armed conflict, no fighting in support of someone, and no owner of targets for the attacker', () => {
    expectNoRelation('AT_WAR_WITH', ['محادثات جديدة لتجنب حرب تجارية بين الصين والولايات المتحدة.', 'حرب كلامية جديدة بين ترامب وميركل.', 'وتساند إيران عدة فصائل منها حزب الله اللبناني الذي يقاتل دعما للرئيس السوري بشار الأسد.', 'وجاءت هذه الغارات بعد طلعات مماثلة استهدفت تجمعات الحوثيين في مديرية باجل بالحديدة.']);
    const g = extract('وشنت مقاتلات التحالف العربي ثلاث غارات استهدفت مواقع وتجمعات الحوثيين في محيط مطار صنعاء الدولي.');
    expect(relationsOfType(g, 'AT_WAR_WITH').map((r) => [r.source, r.target])).toEqual([['org:saudi-coalition', 'org:houthis']]);
    // the doer of an attack a relative clause describes is unnamed, unless someone claims it
    expect(relationsOfType(extract('أدان مجلس وزراء الداخلية العرب بشدة التفجير الإرهابي الذي استهدف مسجدًا لقوات الطوارئ الخاصة بمنطقة عسير.'), 'AT_WAR_WITH')).toEqual([]);
    expect(relationsOfType(extract('وقف الأمير على موقع التفجير الغاشم الذي استهدف مسجد قوات الطوارئ الخاصة بمنطقة عسير.'), 'AT_WAR_WITH')).toEqual([]);
    const c = extract('وأعلن داعش مسؤوليته عن الهجوم بالسيارة الملغومة الذي استهدف مسجدا لقوات الطوارئ الخاصة.');
    expect(relationsOfType(c, 'AT_WAR_WITH').map((r) => r.source)).toEqual(['org:isis']);
    // the nisba of the weapon right before an attack verb is its agent
    const w = extract('وقالت وسائل الإعلام الرسمية إن صواريخ إسرائيلية قصفت موقعا عسكريا قرب مطار النيرب.');
    expect(relationsOfType(w, 'AT_WAR_WITH').map((r) => r.source)).toEqual(['country:il']);
    // an adjective further on is no qualifier of the war
    const h = extract('وعززت موسكو وبكين علاقاتهما العسكرية والتجارية منذ بدء الحرب بين روسيا وأوكرانيا مطلع 2022.');
    expect(relationsOfType(h, 'AT_WAR_WITH').map((r) => [r.source, r.target].sort().join(' + '))).toEqual(['country:ru + country:ua']);
  });
});

describe('stances on attacks', () => {
  it('oppose the attacker, not the victim, and read the attack word after a stance verb as a noun', () => {
    expect(relationsOfType(extract('أعرب مجلس التعاون عن استنكاره للتفجير الإرهابي الذي استهدف مسجدا لقوات الطوارئ الخاصة.'), 'OPPOSES')).toEqual([]);
    expect(relationsOfType(extract('وأدان الأمين العام للأمم المتحدة الهجوم على السفارة السعودية في طهران.'), 'OPPOSES')).toEqual([]);
    const g = extract('مسعود بارزاني يدين قصف إيران لمقر الحزب الديمقراطي الكردستاني الإيراني.');
    expect(g.relations.filter((r) => r.type !== 'HOLDS_ROLE').map((r) => [r.type, r.source, r.target])).toEqual([['OPPOSES', 'person:masoud-barzani', 'country:ir']]);
  });
});

describe('membership', () => {
  it('takes a member named next to its membership, not a non-member, a candidate, a traveller or a club', () => {
    const g = extract('يذكر أن صادرات النفط من البصرة تدر أكثر من 95 في المئة من عائدات العراق، العضو في منظمة البلدان المصدرة للبترول.');
    expect(relationsOfType(g, 'MEMBER_OF').map((r) => [r.source, r.target])).toEqual([['country:iq', 'org:opec']]);
    expectNoRelation('MEMBER_OF', [
      'والقدس الشرقية هي عاصمة دولة فلسطين المعترف بها لدى غالبية الدول الأعضاء في الأمم المتحدة.',
      'وتحمل فلسطين حاليا صفة مراقب غير عضو في الأمم المتحدة.',
      'ولا تزال تركيا مرشحة لعضوية الاتحاد الأوروبي رغم تعثر المفاوضات.',
      'وأقرت المتهمة بأنها غادرت ألمانيا إلى سوريا ثم العراق للانضمام إلى تنظيم داعش.',
    ]);
  });
});

describe('reported speech', () => {
  it('takes the person reported from (عن) for the pronoun of a stance noun', () => {
    const g = extract('من جهة أخرى، نقلت إرنا عن وزير الخارجية الإيراني محمد جواد ظريف تنديده بالتهديدات الأمريكية بتوجيه ضربة عسكرية.');
    expect(relationsOfType(g, 'OPPOSES').map((r) => [r.source, r.target])).toEqual([['person:mohammad-javad-zarif', 'country:us']]);
  });
});

describe('dual references', () => {
  it('take الرئيسان for the last two presidents or leaders named, not a prime minister named between', () => {
    const g = extract('التقى الرئيس عبد الفتاح السيسي بالرئيس فلاديمير بوتين في سوتشي. وشارك رئيس الوزراء الروسي ديمتري ميدفيديف في الاحتفالات. والتقى الرئيسان مرة أخرى في سبتمبر.');
    const met = relationsOfType(g, 'MET_WITH').map((r) => [r.source, r.target].sort().join(' + '));
    expect(met).toEqual(['person:abdel-fattah-el-sisi + person:vladimir-putin']);
  });
});

describe('requests and letters', () => {
  it('gives no visit that is only invited, with appositions between the request and the purpose noun', () => {
    const g = extract('دعا الرئيس الأمريكي دونالد ترامب، نظيره الروسي فلاديمير بوتين، لزيارة الولايات المتحدة في الخريف.');
    expect(relationsOfType(g, 'VISITS')).toEqual([]);
  });

  it('takes "تلقاه" for a call only beside a call, not for a letter', () => {
    const g = extract('وجاء ذلك في خطاب شكر تلقاه وزير الخارجية الأمريكي مايك بومبيو من الرئيس الروسي فلاديمير بوتين.');
    expect(relationsOfType(g, 'MET_WITH')).toEqual([]);
    const h = extract('وجاء ذلك في اتصال هاتفي تلقاه وزير الخارجية الأمريكي مايك بومبيو من الرئيس الروسي فلاديمير بوتين.');
    expect(relationsOfType(h, 'MET_WITH').map((r) => r.attributes['mode'])).toEqual(['phone']);
  });
});

describe('negation and modality', () => {
  it('gives no meeting when it is denied or cancelled', () => {
    expect(extract('ولم يلتق وزير الخارجية الأمريكي أنتوني بلينكن الرئيس الإيراني حسن روحاني.').relations.filter((r) => r.type === 'MET_WITH')).toEqual([]);
    expect(extract('ألغى الرئيس الأمريكي دونالد ترامب لقاءه مع الرئيس الروسي فلاديمير بوتين.').relations.filter((r) => r.type === 'MET_WITH')).toEqual([]);
  });

  it('gives no meeting that is only possible (قد + imperfect), but one that happened (وقد التقى)', () => {
    expect(relationsOfType(extract('وقال مسؤول إن ترامب قد يلتقي بوتين في هلسنكي.'), 'MET_WITH')).toEqual([]);
    expect(relationsOfType(extract('وقد التقى ترامب بوتين في هلسنكي.'), 'MET_WITH').length).toBe(1);
  });

  it('gives no mediation when it is only requested', () => {
    expect(extract('دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش قطر إلى وساطة بين إسرائيل وحركة حماس.').relations.filter((r) => r.type === 'MEDIATES_BETWEEN')).toEqual([]);
  });

  it('marks a visit with the future prefix as planned', () => {
    const g = extract('سيزور الرئيس الصيني شي جين بينغ روسيا الشهر المقبل.');
    expect(g.relations.find((r) => r.type === 'VISITS')?.attributes['modality']).toBe('planned');
  });
});

describe('roles', () => {
  it('ties a title phrase to its person and country', () => {
    const g = extract('قال رئيس الوزراء الإسرائيلي، بنيامين نتنياهو، إن الحرب مستمرة.');
    const r = g.relations.find((x) => x.type === 'HOLDS_ROLE' && x.source === 'person:benjamin-netanyahu');
    expect(r?.target).toBe('country:il');
    expect(r?.attributes['role']).toBe('head_of_government');
  });

  it('reads ولي ولي العهد (deputy crown prince) as its own office, held by the person the gazetteer gives at the date', () => {
    const g = extract('ولي ولي العهد السعودي يبحث مع رئيس الشيشان المواضيع ذات الاهتمام المشترك.', '2015-07-21');
    expect(relationsOfType(g, 'HOLDS_ROLE').map((r) => [r.source, r.target])).toEqual([['person:mohammed-bin-salman', 'country:sa']]);
    // a chain of titles with ل inside (النائب الثاني لرئيس مجلس الوزراء) is no purpose clause: the object after it is met
    const h = extract('التقى الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في جدة أمس فخامة الرئيس رمضان أحمد قاديروف.', '2015-07-21');
    expect(relationsOfType(h, 'MET_WITH').map((r) => r.target)).toEqual(['new:person:رمضان-احمد-قاديروف']);
  });

  it('ties the secretary-general to the UN', () => {
    const g = extract('وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير.');
    expect(hasRelation(g, 'HOLDS_ROLE', 'person:antonio-guterres', 'org:un')).toBe(true);
  });

  it('gives a coordinated title (، ووزير …) to the name after it, also one that begins with a common word (علي بن)', () => {
    const g = extract('وحضر الاجتماع وزير الثقافة والإعلام السعودي عواد بن صالح العواد، ووزير شؤون الإعلام في مملكة البحرين علي بن محمد الرميحي، ورئيس المجلس الأعلى لتنظيم الإعلام بجمهورية مصر مكرم محمد أحمد.');
    const bahrain = relationsOfType(g, 'HOLDS_ROLE').filter((r) => r.target === 'country:bh');
    expect(bahrain.map((r) => r.source)).toEqual(['new:person:علي-بن-محمد']);
  });

  it('takes a name that differs by a whole word for another person, not a spelling variant of an office holder', () => {
    const g = extract('وشكر السفير الإسرائيلي لدى مصر دافيد جوفرين، في بيان، السلطات المصرية.');
    expect(relationsOfType(g, 'HOLDS_ROLE').map((r) => [r.source, r.target])).toEqual([['new:person:دافيد-جوفرين', 'country:il']]);
    // a real variant (أغولو for أوغلو) is still the listed person
    const t = extract('وأعلن رئيس الوزراء التركي أحمد داود أغولو الثلاثاء أن الشرطة اعتقلت المشتبه بهم.');
    expect(hasRelation(t, 'HOLDS_ROLE', 'person:ahmet-davutoglu', 'country:tr')).toBe(true);
  });
});

describe('argument patterns', () => {
  it('reads passive support (المدعومة من) and support in a relative clause (التي تدعمها)', () => {
    const a = extract('وأعلن التحالف عن تقدم قواته بعد تعنت جماعة الحوثي المدعومة من إيران في الحديدة.');
    expect(hasRelation(a, 'SUPPORTS', 'country:ir', 'org:houthis')).toBe(true);
    const b = extract('وحضت تركيا على استبعاد الوحدات من قوات سوريا الديمقراطية، التي تدعمها الولايات المتحدة.');
    expect(hasRelation(b, 'SUPPORTS', 'country:us', 'org:sdf')).toBe(true);
  });

  it('takes the subject after a head noun in a relative clause (التي تدعمها بعثة …) and never the antecedent for the supporter', () => {
    const g = extract('وتكافح الحكومة الصومالية التي تدعمها بعثة الاتحاد الإفريقي منذ سنوات، حركة الشباب المتشددة.');
    expect(relationsOfType(g, 'SUPPORTS').map((r) => [r.source, r.target])).toEqual([['org:african-union', 'org:gov-so']]);
    // "التي تدعمها لقتال …": no subject named, and the antecedent is not one
    const h = extract('حضت تركيا الولايات المتحدة على استبعاد الوحدات من قوات سوريا الديمقراطية التي تدعمها لقتال تنظيم الدولة الإسلامية في سوريا.');
    expect(relationsOfType(h, 'SUPPORTS')).toEqual([]);
  });

  it('reads "X بدعم Y" after an accuser as the accused supporting Y, with the accuser\'s own words between', () => {
    const g = extract('اتهم مصدر مسؤول في وزارة الخارجية السورية، أمريكا، بدعم داعش جويا.');
    expect(relationsOfType(g, 'SUPPORTS').map((r) => [r.source, r.target])).toEqual([['country:us', 'org:isis']]);
  });

  it('reads a chain joined by commas alone as an apposition, not a list: the next actor is the object', () => {
    const g = extract('اتهم وزير الخارجية الأمريكي، مايك بومبيو، إيران باستغلال محكمة العدل الدولية لتحقيق أغراض سياسية.');
    expect(relationsOfType(g, 'OPPOSES').map((r) => [r.source, r.target])).toEqual([['person:mike-pompeo', 'country:ir']]);
    const h = extract('وفي 4 مارس المنصرم، اتهمت بريطانيا، روسيا بمحاولة قتل سكريبال وابنته يوليا على أراضيها.');
    expect(relationsOfType(h, 'OPPOSES').map((r) => [r.source, r.target])).toEqual([['country:gb', 'country:ru']]);
    // after و has joined a list's last member, a comma ends it
    const k = extract('واستقبل وزير الخارجية السعودي، عادل الجبير والسفير السعودي لدى واشنطن، الأمير خالد بن سلمان ، بومبيو بالمطار.');
    expect(relationsOfType(k, 'MET_WITH').map((r) => [r.source, r.target].sort().join(' + ')).sort()).toEqual(['person:adel-al-jubeir + person:mike-pompeo', 'person:khalid-bin-salman + person:mike-pompeo']);
    // the person after a description is its head; the body inside the description is no argument
    expect(relationsOfType(extract('انتقد رئيس هيئة الرياضة السعودية، تركي آل الشيخ، التحكيم الآسيوي.'), 'OPPOSES')).toEqual([]);
    // with و before the last member it is a list
    const l = extract('وانتقدت مصر، الأردن والإمارات إيران بشدة.');
    expect(relationsOfType(l, 'OPPOSES').map((r) => r.source).sort()).toEqual(['country:ae', 'country:eg', 'country:jo']);
  });

  it('takes no topic of a meeting for a party (ناقش قضية كوريا الشمالية مع بوتين), no state just left for the traveller, no offered talks', () => {
    const g = extract('وأشار ترامب إلى أنه ناقش قضية كوريا الشمالية مع الرئيس الروسي فلاديمير بوتن الإثنين خلال قمتهما في هلسنكي.');
    expect(relationsOfType(g, 'MET_WITH').map((r) => [r.source, r.target])).toEqual([['person:donald-trump', 'person:vladimir-putin']]);
    const h = extract('غادر وزير الخارجية الأمريكي، مايك بومبيو، الإثنين، أمريكا متوجها إلى السعودية للقاء العاهل السعودي الملك سلمان بن عبد العزيز.');
    expect(relationsOfType(h, 'MET_WITH').map((r) => [r.source, r.target])).toEqual([['person:mike-pompeo', 'person:salman-bin-abdulaziz']]);
    expect(relationsOfType(extract('الرئيس الأفغاني أشرف غني يعرض عقد محادثات مع طالبان بدون شروط مسبقة.'), 'MET_WITH')).toEqual([]);
  });

  it('reads "وصف X Y بأنه …" with an insult or a charge nearby as X opposing Y, not a neutral description', () => {
    const g = extract('وقد وصف أردوغان نتنياهو بأنه "إرهابي"، في خطاب متلفز موجه للحزب الحاكم في تركيا، الأحد.');
    expect(relationsOfType(g, 'OPPOSES').map((r) => [r.source, r.target])).toEqual([['person:recep-tayyip-erdogan', 'person:benjamin-netanyahu']]);
    const h = extract('ووصف وزير الخارجية الأمريكي مايك بومبيو العلاقات مع السعودية بأنها استراتيجية وتاريخية.');
    expect(relationsOfType(h, 'OPPOSES')).toEqual([]);
  });

  it('takes no object inside a description of the subject after وهو / وهي, but the members a plural object lists after وهم', () => {
    const g = extract('حيث التقى عماد مغنية وهو أحد قيادات ميليشيا حزب الله بزعيم التنظيم في السودان.');
    expect(relationsOfType(g, 'MET_WITH')).toEqual([]);
    const h = extract('ويستقبل الرئيس الفرنسي إيمانويل ماكرون الثلاثاء أهم القيادات المتنافسة في ليبيا وهم رئيس حكومة الوفاق الوطني فائز السراج والمشير خليفة حفتر.');
    expect(relationsOfType(h, 'MET_WITH').map((r) => r.target).sort()).toEqual(['person:fayez-al-sarraj', 'person:khalifa-haftar']);
  });

  it('makes those of different states who attended one meeting (وحضر الاجتماع كل من …) meet one another, not one state\'s party', () => {
    // The states come from the titles and, for the Saudi minister, from his office in the gazetteer in 2018.
    const g = extract('وحضر الاجتماع وزير الثقافة والإعلام السعودي عواد بن صالح العواد، ووزير شؤون الإعلام في مملكة البحرين علي بن محمد الرميحي، ورئيس المجلس الأعلى لتنظيم الإعلام بجمهورية مصر مكرم محمد أحمد.', '2018-05-28');
    const pairs = relationsOfType(g, 'MET_WITH').map((r) => [r.source, r.target].sort().join(' + ')).sort();
    expect(pairs).toEqual(
      [
        ['new:person:علي-بن-محمد', 'new:person:مكرم-محمد-احمد'],
        ['new:person:علي-بن-محمد', 'person:awwad-alawwad'],
        ['new:person:مكرم-محمد-احمد', 'person:awwad-alawwad'],
      ].map((p) => p.sort().join(' + ')).sort(),
    );
    // officials of one state at a talk between others are its host's party
    const party = extract('حضر اللقاء وزير الدولة عضو مجلس الوزراء الدكتور مساعد العيبان ووزير الخارجية الأستاذ عادل الجبير.', '2015-07-21');
    expect(relationsOfType(party, 'MET_WITH')).toEqual([]);
    // without the article the noun governs a genitive: no list of attendees follows
    const h = extract('قال مصدر إن رئيس الوزراء حضر اجتماع مجلس القضاء الأعلى لمناقشة اختيار النائب العام الجديد محمد شيرين فهمي وإبراهيم محلب.');
    expect(relationsOfType(h, 'MET_WITH')).toEqual([]);
  });

  it('takes the actor after بقيادة / بزعامة for the head of the one before it, not for its counterpart', () => {
    const a = extract('وأوضحت الوكالة أن الهجوم يستهدف حزب العدالة والتنمية بزعامة أردوغان، مضيفة أن أحد القتلى شقيق للنائب.');
    expect(relationsOfType(a, 'AT_WAR_WITH')).toEqual([]);
    const b = extract('وقصفت مقاتلات التحالف العربي بقيادة المملكة العربية السعودية مواقع للحوثيين في صعدة.');
    expect(relationsOfType(b, 'AT_WAR_WITH').map((r) => [r.source, r.target])).toEqual([['org:saudi-coalition', 'org:houthis']]);
  });

  it('reads ثمن as appreciation, not as a price to pay, its price or the round of sixteen', () => {
    const yes = extract('وثمن سليم الجبوري موقف الولايات المتحدة الداعم للعراق.');
    expect(relationsOfType(yes, 'SUPPORTS').map((r) => r.target)).toEqual(['country:us']);
    expectNoRelation('SUPPORTS', ['وقال الجبير: "يجب على قطر أن تدفع ثمن وجود القوات العسكرية الأمريكية في سوريا".', 'كانت مواجهة البرازيل والمكسيك في ثمن نهائي مونديال روسيا الخامسة من نوعها.', 'ويستهدف منتج يونيليفر، الذي يبلغ ثمنه 10 دولارات أميركية، الذين يهملون كي ملابسهم.']);
  });

  it('takes a capital in an object slot for its state (رفضت بيونغ يانغ مطالب واشنطن), and for itself when the state is not named', () => {
    const g = extract('وشهدت عملية السلام بين الولايات المتحدة وكوريا الشمالية تأزماً بعدما رفضت بيونغ يانغ مطالب واشنطن.');
    expect(relationsOfType(g, 'OPPOSES').map((r) => [r.source, r.target])).toEqual([['country:kp', 'country:us']]);
    const h = extract('واتهمت بكين واشنطن بإطلاق أكبر حرب تجارية في التاريخ.');
    expect(relationsOfType(h, 'OPPOSES').map((r) => [r.source, r.target])).toEqual([['location:beijing', 'location:washington']]);
  });

  it('draws no meeting, visit, stance or war between a leader and the state they hold an office of', () => {
    const g = extract('وأكد الرئيس الفرنسي إيمانويل ماكرون رفض فرنسا قرار الولايات المتحدة فتح سفارة في القدس.');
    expect(relationsOfType(g, 'OPPOSES').some((r) => r.source === 'person:emmanuel-macron' && r.target === 'country:fr')).toBe(false);
    const v = extract('وفي ختام زيارة ولي العهد السعودي محمد بن سلمان لفرنسا الثلاثاء قام البلدان بتوقيع 19 بروتوكول اتفاق.');
    expect(relationsOfType(v, 'VISITS').map((r) => r.target)).toEqual(['country:fr']);
    const h = extract('وقال الرئيس الأمريكي دونالد ترامب إنه سيلتقي رئيسة وزراء بريطانيا تيريزا ماي في لندن.');
    expect(hasRelation(h, 'MET_WITH', 'person:donald-trump', 'person:theresa-may', true)).toBe(true);
  });

  it('reads وقع as signing only beside what is signed, not "fell into a group" or "took place"', () => {
    const signed = extract('وقعت دولة الإمارات العربية المتحدة والصين عقدين في مجال استكشاف النفط والغاز في أبوظبي.');
    expect(hasRelation(signed, 'COOPERATES_WITH', 'country:ae', 'country:cn', true)).toBe(true);
    const drawn = extract('يذكر أن المغرب وقع في المجموعة الثانية إلى جانب إسبانيا والبرتغال وإيران في كأس العالم.');
    expect(relationsOfType(drawn, 'COOPERATES_WITH')).toEqual([]);
  });

  it('reads a meeting past a long apposition with a genitive title (لرئيس مجلس الوزراء), whose body is not the one met', () => {
    const g = extract('التقى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في جدة أمس الرئيس رمضان أحمد قاديروف رئيس جمهورية الشيشان.');
    const met = relationsOfType(g, 'MET_WITH');
    expect(met.map((r) => [r.source, r.target])).toEqual([['person:mohammed-bin-salman', 'new:person:رمضان-احمد-قاديروف']]);
  });

  it('lists the stops of a tour (جولته التي تشمل …) as visits of the traveller', () => {
    const g = extract('وصل وزير الخارجية الأمريكي مايك بومبيو إلى الرياض في أولى محطات جولته التي تشمل الأردن وإسرائيل.');
    for (const place of ['location:riyadh', 'country:jo', 'country:il']) expect(hasRelation(g, 'VISITS', 'person:mike-pompeo', place), place).toBe(true);
  });

  it('gives membership from جزء من and عضو في', () => {
    const g = extract('وقال الأمين العام إن تركيا عضو في حلف شمال الأطلسي منذ عام 1952.');
    expect(hasRelation(g, 'MEMBER_OF', 'country:tr', 'org:nato')).toBe(true);
  });

  it('takes the subject of a purpose noun (للقاء) from before it', () => {
    const g = extract('ويتوجه وزير الخارجية الأمريكي مايك بومبيو إلى إسرائيل للقاء رئيس الوزراء بنيامين نتنياهو.');
    expect(hasRelation(g, 'MET_WITH', 'person:mike-pompeo', 'person:benjamin-netanyahu', true)).toBe(true);
    expect(hasRelation(g, 'VISITS', 'person:mike-pompeo', 'country:il')).toBe(true);
  });

  it('takes no subject after a verb from behind a purpose trigger (ستجتمع لبحث اتهامات بريطانيا)', () => {
    const g = extract('وأعلنت منظمة حظر الأسلحة الكيمياوية أنها ستجتمع الأربعاء لبحث اتهامات بريطانيا بحق روسيا في قضية تسميم الجاسوس الروسي السابق سيرغي سكريبال.');
    expect(relationsOfType(g, 'MET_WITH')).toEqual([]);
    // The accusation is still Britain's stance on Russia; a subject right after the verb is still taken.
    expect(hasRelation(g, 'OPPOSES', 'country:gb', 'country:ru')).toBe(true);
    const h = extract('والتقى أمس وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف لبحث الأزمة السورية.');
    expect(hasRelation(h, 'MET_WITH', 'person:mike-pompeo', 'person:sergey-lavrov', true)).toBe(true);
  });

  it('reads a state with ب after a meeting in person as its place, after a call as the one called', () => {
    // ant-2018: "في تورونتو بكندا" is where the G7 ministers meet, not whom they meet.
    const g = extract('يجتمع وزراء خارجية مجموعة السبع الأحد في تورونتو بكندا لتأكيد موقفهم الموحد بمواجهة روسيا.');
    expect(relationsOfType(g, 'MET_WITH')).toEqual([]);
    const call = extract('وقالت الولايات المتحدة إنها اتصلت بروسيا قبيل الضربات من خلال الإجراءات المتبعة للخط الساخن.');
    expect(hasRelation(call, 'MET_WITH', 'country:us', 'country:ru', true)).toBe(true);
    const met = extract('التقى الرئيس الروسي فلاديمير بوتين بالرئيس الأمريكي دونالد ترامب في هلسنكي.');
    expect(hasRelation(met, 'MET_WITH', 'person:vladimir-putin', 'person:donald-trump', true)).toBe(true);
  });

  it('takes national teams (المنتخبان) or a pass beside a meeting verb for a match', () => {
    const g = extract('وستواجه الأرجنتين فرنسا، فيما تلتقي البرتغال بالأوروغواي مساء نفس اليوم، على أن يلتقي المنتخبان الفائزان بربع النهائي.');
    expect(relationsOfType(g, 'MET_WITH')).toEqual([]);
    const pass = extract('وافتتح رونالدو التسجيل في الدقيقة العاشرة بعد أن استقبل تمريرة الألماني توني كروس وسدد الكرة مباشرة في الشباك.');
    expect(relationsOfType(pass, 'MET_WITH')).toEqual([]);
  });

  it('takes relations for cooperation only when the sentence says they are good or growing (context of cooperate.relations)', () => {
    expect(relationsOfType(extract('ونشرت وزارة الخارجية مقطع فيديو عن تاريخ العلاقات بين السعودية ومصر.'), 'COOPERATES_WITH')).toEqual([]);
    expect(relationsOfType(extract('وتبدو العلاقات بين تركيا والولايات المتحدة معقدة بسبب الخلافات حول الملف السوري.'), 'COOPERATES_WITH')).toEqual([]);
    const growing = extract('وأكد الوزيران حرص البلدين على تطوير العلاقات بين السعودية والإمارات في كل المجالات.');
    expect(hasRelation(growing, 'COOPERATES_WITH', 'country:sa', 'country:ae', true)).toBe(true);
  });

  it('takes relations said to deteriorate or to be harmed for no cooperation', () => {
    const worse = extract('وحذر الأمين العام للأمم المتحدة، أنطونيو غوتيريش، اليوم الخميس، من أن العلاقات بين روسيا والولايات المتحدة تتدهور إلى وضع يشبه ما شهدناه خلال الحرب الباردة.');
    expect(relationsOfType(worse, 'COOPERATES_WITH')).toEqual([]);
    const good = extract('وأكد البلدان أن العلاقات بين روسيا والصين تشهد تطورا كبيرا.');
    expect(hasRelation(good, 'COOPERATES_WITH', 'country:ru', 'country:cn', true)).toBe(true);
  });

  it('takes a meeting with a broadcaster for an interview and two clubs that meet for a match (gazetteer sector)', () => {
    const interview = extract('وأكد وزير الخارجية الأمريكي مايك بومبيو في لقاء مع شبكة إيه بي سي نيوز، إن كوريا الشمالية يجب أن تأخذ خطوات حاسمة.');
    expect(interview.entities.some((e) => e.id === 'person:mike-pompeo')).toBe(true);
    expect(relationsOfType(interview, 'MET_WITH')).toEqual([]);
    const match = extract('وفي نصف النهائي الثاني، يلتقي ليفربول الإنجليزي مع روما الإيطالي.');
    expect(match.entities.map((e) => e.id)).toContain('org:liverpool-fc');
    expect(relationsOfType(match, 'MET_WITH')).toEqual([]);
    // nor a war between clubs (a rivalry)
    const rivalry = extract('في ظل الصراع التاريخي بين ريال مدريد وبرشلونة على زعامة الكرة الإسبانية.');
    expect(relationsOfType(rivalry, 'AT_WAR_WITH')).toEqual([]);
  });

  it('takes no war, negotiation or cooperation for the agency that reports one', () => {
    expect(extract('ونقلت وكالة رويترز للأنباء عن قائد عسكري قوله إن الغارة استهدفت موقعا للجيش السوري قرب دمشق.').relations.filter((r) => r.source === 'org:reuters' || r.target === 'org:reuters')).toEqual([]);
  });

  it('takes no visit by the outlet that reports one (notSectors on the VISITS triggers)', () => {
    expect(relationsOfType(extract('وذكرت صحيفة واشنطن بوست أن مجموعة من المسؤولين الأمريكيين وصلت إلى كوريا الشمالية أمس.'), 'VISITS')).toEqual([]);
    expect(hasRelation(extract('ووصل وزير الخارجية الأمريكي مايك بومبيو إلى كوريا الشمالية أمس.'), 'VISITS', 'person:mike-pompeo', 'country:kp')).toBe(true);
  });

  it('takes the World Cup beside two states meeting for a match, not beside two leaders (notNearBodies)', () => {
    const match = extract('وتلتقي فرنسا الثلاثاء مع بلجيكا في نصف نهائي المونديال، وكان المنتخب البلجيكي قد أقصى نظيره البرازيلي في دور الثمانية.');
    expect(relationsOfType(match, 'MET_WITH')).toEqual([]);
    const leaders = extract('وكان ترامب قد قال خلال اجتماعه مع الرئيس الروسي فلاديمير بوتين، بعد نهاية كأس العالم، إن العلاقات ستتحسن.');
    expect(hasRelation(leaders, 'MET_WITH', 'person:donald-trump', 'person:vladimir-putin', true)).toBe(true);
  });

  it('finds a person introduced by an honorific and a name right before a title of a body', () => {
    const g = extract('استقبل الفريق محمد فريد، رئيس أركان الجيش المصري، وفدا عسكريا. ونقلت الوكالة عن بدر جاموس عضو الائتلاف الوطني لقوى الثورة والمعارضة السورية قوله إن الائتلاف تلقى دعوة.');
    const people = g.entities.filter((e) => e.type === 'PERSON').map((e) => e.mentions[0]!.text);
    expect(people).toContain('محمد فريد');
    expect(people).toContain('بدر جاموس');
    // a name of four or five words with بن right before a title of a state
    const b = extract('ونقلت الوكالة عن بدر بن محمد جاموس، وزير الخارجية البحريني، قوله إن الاجتماع مثمر.');
    expect(b.entities.filter((e) => e.type === 'PERSON').map((e) => e.name.ar)).toEqual(['بدر بن محمد جاموس']);
  });
});

describe('stances and attacks named by a nisba', () => {
  it('reads the actor of an act from its nisba', () => {
    expect(hasRelation(extract('قصفت الطائرات الإسرائيلية مواقع لحركة حماس في قطاع غزة.'), 'AT_WAR_WITH', 'country:il', 'org:hamas', true)).toBe(true);
    expect(hasRelation(extract('رحبت السعودية بالقرار الأمريكي.'), 'SUPPORTS', 'country:sa', 'country:us')).toBe(true);
  });

  it('does not read a verbal attack or a threat as war', () => {
    expect(extract('وقد هاجمت الصين تعليقات الرئيس الأمريكي دونالد ترامب ووصفتها بأنها غير مسؤولة.').relations.filter((r) => r.type === 'AT_WAR_WITH')).toEqual([]);
    expect(extract('وحذر السفير الروسي من أي عدوان على سوريا.').relations.filter((r) => r.type === 'AT_WAR_WITH')).toEqual([]);
  });

  it('reads "بدعم" after its supported party, not after an accused one no list names', () => {
    expect(hasRelation(extract('وسيطرت قوات سوريا الديمقراطية، المدعومة من الولايات المتحدة، على المدينة.'), 'SUPPORTS', 'country:us', 'org:sdf')).toBe(true);
    expect(extract('واتهمت تركيا فاركاس بدعم العمال الكردستاني بينما اتهمت فسيلوفا بتقديم الدعم اللوجستي.').relations.filter((r) => r.type === 'SUPPORTS')).toEqual([]);
  });

  it('draws no relation between a state and a body that stands for it', () => {
    const g = extract('أكدت الخارجية المصرية مجددًا رفض مصر الكامل للتدخل الإيراني في الشؤون الداخلية للدول العربية.');
    expect(hasRelation(g, 'OPPOSES', 'country:eg', 'country:ir')).toBe(true);
    expect(g.relations.filter((r) => [r.source, r.target].includes('org:mfa-eg'))).toEqual([]);
  });

  it('reads a verb with an object pronoun as done by the actor right after it', () => {
    const g = extract('من هي الروسية ماريا بوتينا المولعة بالأسلحة التي تتهمها الولايات المتحدة بالتجسس؟');
    expect(hasRelation(g, 'OPPOSES', 'country:us', 'person:maria-butina')).toBe(true);
    expect(hasRelation(g, 'OPPOSES', 'person:maria-butina', 'country:us')).toBe(false);
    // A verbal noun with its agent's pronoun keeps its reading: "قصفها لمواقع" is their shelling of the positions.
    expect(hasRelation(extract('جددت مقاتلات التحالف العربي قصفها لمواقع ميليشيا الحوثي في صرواح.'), 'AT_WAR_WITH', 'org:saudi-coalition', 'org:houthis', true)).toBe(true);
  });

  it('takes no trigger from a final ة (عارضة: a model) or from the opposition as a group', () => {
    expect(extract('جاستن بيبر يخطب عارضة أزياء أميركية شهيرة.').relations.filter((r) => r.type === 'OPPOSES')).toEqual([]);
    expect(extract('محرم اينجه مرشح المعارضة التركية لمواجهة أردوغان في انتخابات الرئاسة.').relations.filter((r) => r.type === 'OPPOSES')).toEqual([]);
    expect(hasRelation(extract('أعلنت روسيا معارضتها للضربة الأمريكية على سوريا.'), 'OPPOSES', 'country:ru', 'country:us')).toBe(true);
  });

  it('reads "استهدف" as an attack only beside a military word', () => {
    expect(extract('فرضت الولايات المتحدة عقوبات تستهدف الخطوط الجوية الإيرانية.').relations.filter((r) => r.type === 'AT_WAR_WITH')).toEqual([]);
    expect(hasRelation(extract('استهدفت طائرات التحالف العربي مواقع لميليشيات الحوثي في صعدة.'), 'AT_WAR_WITH', 'org:saudi-coalition', 'org:houthis', true)).toBe(true);
    expect(hasRelation(extract('وقال الجيش الإسرائيلي إنه استهدف نفقين لحركة حماس.'), 'AT_WAR_WITH', 'org:idf', 'org:hamas', true)).toBe(true);
  });

  it('reads the nisbas right after a stance noun as its agents, all of them (ant-2018 headlines)', () => {
    const sup = (text: string) => extract(text).relations.filter((r) => r.type === 'SUPPORTS').map((r) => `${r.source} ${r.target}`).sort();
    expect(sup('دعم عراقي وقطري لتركيا في أزمتها مع واشنطن')).toEqual(['country:iq country:tr', 'country:qa country:tr']);
    expect(sup('دعم سعودي وإماراتي وكويتي لبرنامج التوازن المالي في البحرين')).toEqual([]);
    expect(sup('قالت كندا إن الدعم الروسي والإيراني لبشار الأسد مستمر.')).toEqual(['country:ir person:bashar-al-assad', 'country:ru person:bashar-al-assad']);
    // A verbal noun after a preposition: the nisba is the supporter, not the supported.
    expect(sup('المغرب يعلن عن دعم فرنسي لاستضافة مونديال 2026')).toEqual([]);
    expect(extract('رفض فرنسي وألماني "حاسم" لإلغاء الاتفاق النووي').relations.filter((r) => r.type === 'OPPOSES')).toEqual([]);
  });

  it('reads "اتهم X بدعم Y" as X supporting Y', () => {
    const g = extract('وأعلن المغرب قطع علاقاته مع إيران، متهما إيران وحزب الله بدعم جبهة البوليساريو.');
    expect(hasRelation(g, 'SUPPORTS', 'org:hezbollah', 'org:polisario')).toBe(true);
    expect(hasRelation(g, 'SUPPORTS', 'country:ir', 'org:polisario')).toBe(true);
    expect(hasRelation(g, 'SUPPORTS', 'org:polisario', 'org:hezbollah')).toBe(false);
  });

  it('gives a stance named after an accusation to the accused, and none for one fought', () => {
    const g = extract('وتتهم السعودية إيران بدعم الحوثيين بالسلاح، لكن طهران تنفي هذا الاتهام.');
    expect(hasRelation(g, 'SUPPORTS', 'country:ir', 'org:houthis')).toBe(true);
    expect(hasRelation(g, 'SUPPORTS', 'org:houthis', 'country:ir')).toBe(false);
    // The accused is a pronoun: its antecedent is not known here, and the accuser is not the supporter.
    expect(extract('وأدرجت وزارة الخزانة الأميركية النعيمي على اللائحة، واتهمته بتوفير دعم مادي لتنظيمات تابعة للقاعدة في اليمن.').relations.filter((r) => r.type === 'SUPPORTS')).toEqual([]);
    expect(extract('فاز العبادي بولاية جديدة بعد حرب ناجحة ضد تنظيم داعش بدعم من الولايات المتحدة.').relations.filter((r) => r.type === 'SUPPORTS')).toEqual([]);
    expect(hasRelation(extract('وتخوض السعودية حربا ضد المتمردين الحوثيين المدعومين من إيران.'), 'SUPPORTS', 'country:ir', 'org:houthis')).toBe(true);
  });

  it('reads "دعم بلاده لـY" as the speaker\'s country supporting Y, not the speaker supporting his country', () => {
    const g = extract('أعلن الرئيس الجزائري عبد العزيز بوتفليقة دعم بلاده للمغرب لاستضافة كأس العالم.');
    expect(hasRelation(g, 'SUPPORTS', 'country:dz', 'country:ma')).toBe(true);
    expect(hasRelation(g, 'SUPPORTS', 'person:abdelaziz-bouteflika', 'country:dz')).toBe(false);
  });

  it('takes "المعارض" with the article as a stance only with its object after ل', () => {
    expect(extract('ومنع المعارض الروسي أليكسي نافالني من الترشح للانتخابات.').relations.filter((r) => r.type === 'OPPOSES')).toEqual([]);
    expect(hasRelation(extract('وأعلنت حركة أليكسي نافالني، المعارض الرئيسي لبوتين، أنها أرسلت شكاوى.'), 'OPPOSES', 'person:alexei-navalny', 'person:vladimir-putin')).toBe(true);
    // The verb's entry takes no article form: "الدعم" is read by the noun's.
    expect(extract('وربما لا يسيطر الرئيس الأسد على كل سوريا، ولكن بفضل الدعم الروسي والإيراني لا يمكن لأحد الوقوف ضده.').relations.filter((r) => r.type === 'SUPPORTS')).toEqual([]);
  });

  it('reads the giver of support named after "الذي يقدمه", and the ل-object after adjectives', () => {
    expect(hasRelation(extract('وتزايد قلق إسرائيل من الدعم العسكري الذي تقدمه إيران للحكومة السورية.'), 'SUPPORTS', 'country:ir', 'org:gov-sy')).toBe(true);
    expect(hasRelation(extract('وتحدث الوزير المغربي عن الدعم العسكري الذي يقدمه حزب الله لجبهة البوليساريو الانفصالية.'), 'SUPPORTS', 'org:hezbollah', 'org:polisario')).toBe(true);
    expect(hasRelation(extract('بدأ التحالف الدولي في تقديم الدعم السياسي والعسكري لوحدات حماية الشعب في كوباني.'), 'SUPPORTS', 'org:global-coalition', 'org:ypg')).toBe(true);
  });

  it('gives no cooperation for relations said to be tense or cut', () => {
    expect(extract('وتوترت العلاقات بين ألمانيا والسعودية منذ العام الماضي.').relations.filter((r) => r.type === 'COOPERATES_WITH')).toEqual([]);
    expect(extract('يذكر أن العلاقات بين أنقرة وواشنطن تشهد توترا على خلفية قضية القس برانسون.').relations.filter((r) => r.type === 'COOPERATES_WITH')).toEqual([]);
  });

  it('takes the noun a relative clause hangs on for its verb\'s subject, when their genders agree', () => {
    const g = extract('وقال الكرملين إن الرئيس بوتين أجرى محادثات مع الرئيس السوري بشار الأسد الذي توجه إلى سوتشي في زيارة عمل.');
    expect(hasRelation(g, 'VISITS', 'person:bashar-al-assad', 'location:sochi')).toBe(true);
    expect(hasRelation(g, 'VISITS', 'person:vladimir-putin', 'location:sochi')).toBe(false);
    expect(hasRelation(extract('وصرح بوتين في مؤتمر صحافي مشترك مع المستشارة الألمانية أنغيلا ميركل التي تزور سوتشي.'), 'VISITS', 'person:angela-merkel', 'location:sochi')).toBe(true);
  });

  it('reads leaving a place as the end of a visit there, but not leaving home', () => {
    expect(extract('وغادر الرئيس الأمريكي دونالد ترامب واشنطن متوجها إلى كندا.').relations.filter((r) => r.type === 'VISITS' && r.target === 'location:washington')).toEqual([]);
    expect(hasRelation(extract('وأضاف أن الرئيس الأمريكي دونالد ترامب سيغادر سنغافورة مساء الثلاثاء بعد القمة.'), 'VISITS', 'person:donald-trump', 'country:sg')).toBe(true);
  });

  it('reads no meeting in a match report', () => {
    expect(extract('وتلتقي الأرجنتين في المباراة الأخيرة مع نيجيريا، في حين تواجه كرواتيا آيسلندا.').relations.filter((r) => r.type === 'MET_WITH')).toEqual([]);
    expect(hasRelation(extract('التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في هلسنكي.'), 'MET_WITH', 'person:mike-pompeo', 'person:sergey-lavrov', true)).toBe(true);
  });

  it('takes no trigger from inside a name (مجلس التعاون الخليجي, منظمة شنغهاي للتعاون)', () => {
    expect(extract('قمة منظمة شنغهاي للتعاون تجمع الصين وروسيا وإيران وسط توترات مع الولايات المتحدة.').relations.filter((r) => r.type === 'COOPERATES_WITH')).toEqual([]);
    expect(extract('يذكر أن جامعة الدول العربية ومجلس التعاون الخليجي ومصر والإمارات والبحرين أكدوا تضامنهم مع السعودية.').relations.filter((r) => r.type === 'COOPERATES_WITH')).toEqual([]);
  });
});

describe('offices the gazetteer knows', () => {
  it('ties a listed person named without a title to the one body of their office that the article names', () => {
    const g = pipeline().process({ id: 't', published: '2018-05-01' }, 'قال لي كه تشيانغ إن الاقتصاد قوي.\nوأكدت الصين أنها ستفتح أسواقها.');
    const r = g.relations.find((x) => x.type === 'HOLDS_ROLE' && x.source === 'person:li-keqiang');
    expect(r?.target).toBe('country:cn');
    expect(r?.rule.startsWith('gazetteer-role:')).toBe(true);
  });
});
