/** Small name lists that sound like Zhoushan's islands: surnames common on the coast, given names by generation. */
export const SURNAMES = [
  '王', '李', '张', '陈', '刘', '林', '周', '徐', '孙', '胡', '朱', '郑', '吴', '黄', '杨', '何',
  '邵', '虞', '金', '贺', '应', '方', '俞', '乐', '翁', '叶', '蒋', '沈', '夏', '钟', '邬', '丁',
] as const;

/** Given names, by sex and the decade style of the time the person was born. */
export const GIVEN_NAMES = {
  male: {
    old: ['阿根', '德福', '根宝', '永康', '荣生', '海生', '金龙', '明德', '国庆', '建华', '福昌', '和平', '财根', '阿三'],
    middle: ['志强', '伟民', '海明', '振华', '建平', '卫东', '立新', '晓东', '志刚', '海峰', '军', '斌', '勇', '国平'],
    young: ['浩', '杰', '俊杰', '宇航', '志远', '鹏', '子豪', '一帆', '晨阳', '嘉豪'],
    child: ['梓轩', '浩宇', '宇轩', '沐阳', '子墨', '一诺', '奕辰', '睿泽'],
  },
  female: {
    old: ['秀英', '桂英', '玉珍', '月娥', '素珍', '凤英', '阿娣', '翠华', '彩娣', '雪琴', '菊芬', '美娟', '小妹', '杏娟'],
    middle: ['丽萍', '雪梅', '晓燕', '海燕', '红英', '丽娟', '静', '玲', '琴', '敏', '亚琴', '素芬', '燕', '卫红'],
    young: ['婷', '佳怡', '思琪', '雨婷', '欣悦', '丹丹', '倩', '梦瑶', '晓雯', '颖'],
    child: ['欣怡', '雨桐', '诗涵', '可馨', '子涵', '梓萱', '一涵', '语汐'],
  },
} as const;

export function generationOf(birthYear: number): 'old' | 'middle' | 'young' | 'child' {
  if (birthYear < 1960) return 'old';
  if (birthYear < 1985) return 'middle';
  if (birthYear < 2012) return 'young';
  return 'child';
}

/** Towns and villages served by each county hospital, with the postcode. */
export const TOWNS = {
  sscph: { county: '嵊泗县', postalCode: '202450', region: '330922', towns: ['菜园镇', '嵊山镇', '洋山镇', '五龙乡', '黄龙乡', '枸杞乡', '花鸟乡'] },
  dsfph: { county: '岱山县', postalCode: '316200', region: '330921', towns: ['高亭镇', '东沙镇', '岱东镇', '岱西镇', '长涂镇', '衢山镇', '秀山乡'] },
} as const;

export const VILLAGE_SUFFIXES = ['村', '社区'] as const;
export const VILLAGE_NAMES = ['东海', '渔港', '沙河', '大岙', '石柱', '小洋', '南峰', '北岙', '青沙', '海星', '金平', '田岙'] as const;

/** Doctors who sign notes, display-only (the HIS keeps practitioners in its own directory). */
export const DOCTORS = {
  sscph: ['虞海波', '应丽君', '邵建军', '乐晓红', '翁志华'],
  dsfph: ['方国栋', '贺美琴', '邬建明', '金海燕'],
} as const;
