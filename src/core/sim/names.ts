import type { Rng } from './prng';

/**
 * Chinese personal names from a surname table weighted toward northern Zhejiang
 * (沈, 俞, 姚, 钱, 陆 are far commoner in Hangzhou than nationally) and a given-name table.
 */
const SURNAMES = [
  '王', '李', '张', '陈', '刘', '杨', '沈', '徐', '周', '吴', '朱', '俞', '钱', '姚', '陆', '金',
  '胡', '孙', '黄', '赵', '蒋', '顾', '施', '范', '潘', '夏', '方', '丁', '许', '郑', '褚', '汤',
];
const SURNAME_WEIGHTS = [
  9, 8, 8, 9, 6, 5, 7, 6, 5, 6, 5, 4, 4, 4, 4, 3, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1,
];
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超',
  '秀英', '华', '慧', '建华', '建平', '国庆', '晓燕', '海燕', '红梅', '志刚', '文杰', '佳怡', '雨婷',
  '浩然', '子涵', '欣怡', '俊杰', '建国', '卫东', '春燕', '丽萍', '永明', '新民', '林峰', '晓东',
  '一鸣', '思远', '美琴', '月华', '雪芬', '金根', '水根', '阿毛', '炳荣', '伟民', '国良', '莉莉',
];

export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const given = rng.pick(GIVEN);
  // One-character given names are common; pair two single characters now and then.
  if (given.length === 1 && rng.chance(0.45)) {
    const second = rng.pick(GIVEN);
    if (second.length === 1 && second !== given) return surname + given + second;
  }
  return surname + given;
}
