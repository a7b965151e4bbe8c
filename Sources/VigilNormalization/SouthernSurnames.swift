/// How Chinese surnames are spelled in Singapore, Malaysia and Hong Kong, where registration clerks
/// wrote the family's dialect (Hokkien, Teochew, Hakka, Cantonese, Hainanese, Fuzhou) rather than
/// Mandarin: 陈 is Tan, Chan or Chin; 林 Lim or Lam; 黄 Ng, Ooi, Wee or Wong. Each spelling maps to the
/// pinyin of the surnames it may stand for.
///
/// Compiled from: "参考网络资源主要华人姓氏" list, xinjiapo.news/news/271680; "Tan or Chan? Lim or Lin?",
/// goodyfeed.com (2023); "Common Chinese Surnames in Singapore – Hokkien, Teochew or Cantonese?",
/// learndialect.sg (2019); "Chinese names", 188hughlowstreet.wordpress.com (Ipoh school registers);
/// Koh/Khoo for 许, Quek for 郭 and Oei for 黄 from the normalization issue's own examples.
enum SouthernSurnames {
    static let table: [String: [String]] = [
        "tan": ["chen"], "chin": ["chen"], "ting": ["chen"], "ding": ["chen"],
        "lim": ["lin"], "lam": ["lin"],
        "teo": ["zhang"], "teoh": ["zhang"], "tiong": ["zhang"], "diong": ["zhang"], "cheong": ["zhang"], "chong": ["zhang"],
        "ooi": ["huang"], "wee": ["huang"], "eng": ["huang"], "ng": ["huang", "wu"], "wong": ["huang", "wang"],
        "chan": ["zeng", "chen"], "tsen": ["zeng"],
        "ang": ["hong"], "fung": ["hong"], "hoong": ["hong"],
        "tee": ["zheng"], "tay": ["zheng"],
        "cheah": ["xie"], "chia": ["xie"], "tse": ["xie"],
        "poh": ["fu"], "png": ["fang"], "fong": ["fang"],
        "sim": ["shen"], "shim": ["shen"], "see": ["xue"],
        "goh": ["wu"], "go": ["wu"], "ngu": ["wu"], "gan": ["yan"],
        "loo": ["lu"], "lui": ["lu"],
        "ong": ["wang"],
        "neo": ["liang"], "leong": ["liang"], "liong": ["liang"], "niun": ["liang"],
        "chew": ["zhou"], "chow": ["zhou"],
        "chua": ["cai"], "choi": ["cai"], "chai": ["cai"],
        "kuek": ["guo"], "kweh": ["guo"], "kok": ["guo"], "kwok": ["guo"], "kwek": ["guo"],
        "thia": ["cheng"], "oh": ["hu"],
        "phua": ["pan"], "pun": ["pan"], "poon": ["pan"],
        "yap": ["ye"], "yeap": ["ye"], "yip": ["ye"], "yapp": ["ye"],
        "lee": ["li"], "liew": ["liu"], "lau": ["liu"],
        "kau": ["gao"], "koh": ["gao", "xu"], "heng": ["wang"],
        "khoo": ["xu"], "quek": ["guo"], "oei": ["huang"],
    ]
}
