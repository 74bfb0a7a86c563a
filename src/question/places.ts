/**
 * Place names a question may name: China's provincial-level divisions and Shandong's sixteen cities. A question
 * about a place the corpus never mentions (another province) is out of scope, whatever else it shares with it.
 */
export const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
];
export const SHANDONG_CITIES = [
  '济南',
  '青岛',
  '淄博',
  '枣庄',
  '东营',
  '烟台',
  '潍坊',
  '济宁',
  '泰安',
  '威海',
  '日照',
  '临沂',
  '德州',
  '聊城',
  '滨州',
  '菏泽',
];
export const PLACES = [...PROVINCES, ...SHANDONG_CITIES];

export function placesIn(text: string): string[] {
  return PLACES.filter((p) => text.includes(p));
}
