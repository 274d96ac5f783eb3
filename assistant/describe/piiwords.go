package describe

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// The words the personal-data scanner knows, in the languages of the
// markets it serves (English, Spanish, Portuguese, French, German,
// Italian, Dutch, Polish, Russian, Ukrainian, Turkish, Korean, Hebrew).
// They are looked up lowercased, one map lookup per word; acronyms that
// are also short words in some language ("DNI" and Polish "dni", days;
// "NIE" and German "nie", never) count only in capitals.

// word flags
const (
	wOrder      uint32 = 1 << iota // the number after it names an order, parcel or product: kept
	wPhone                         // the number after it is a phone number
	wCard                          // ... a payment card
	wAccount                       // ... a bank account
	wID                            // ... an identity document or tax number
	wAt                            // "@" spelled out
	wDot                           // "." spelled out
	wDigit                         // a digit spelled out
	wUnit                          // a unit of measure, time, count or money after a number
	wCarrier                       // a carrier's name
	wStreetPre                     // a street type before the name (rue, calle, ул.)
	wStreetPost                    // a street type after the name (Street, Road)
	wHouse                         // flat, house, building: a number follows
	wCity                          // "city": a city's name follows
	wAddress                       // the word "address"
	wHandle                        // a messenger: a handle follows
	wHandleID                      // "id", "username": a handle follows
	wLead                          // a word that only leads up to a datum (my, is, at, to, number)
	wCalendar                      // a month or weekday: not a street's name
	wMailHost                      // a mail provider's name
	wPrep                          // German "Am", "Im", "An der": a street's name follows
	wParticle                      // de, la, van, der: inside a name
	wNeedDot                       // an abbreviation that counts only before a dot (д., r.)
	wConj                          // and, or: left dangling when what follows is removed
	wTLD                           // a top-level domain that is safe to read after a spelled dot
	wTens                          // a number word of two digits: eleven, forty, сорок
	wHundreds                      // a number word of three digits: сто, quinientos
	wTimes                         // "hundred" after a digit word multiplies it: five hundred
	wPostcode                      // the number after it is a postcode (CEP, PLZ, индекс): part of an address
	wFloor                         // a floor after its number: 2. OG, 3º andar, 5 этаж
)

var piiWordLists = []struct {
	flag  uint32
	words string
}{
	{wOrder, `order orders ordered tracking track tracked parcel package shipment waybill consignment item product
		model sku lot batch invoice serial imei sn barcode ean upc dispute case ticket reference ref coupon
		pedido pedidos encomenda rastreio rastreamento rastreo seguimiento envío envio paquete
		commande suivi colis bestellung bestellnummer sendung sendungsnummer auftrag paket artikel
		ordine spedizione tracciamento pacco bestelling zending pakket zamówienie zamowienia zamówienia przesyłka
		przesylka paczka paczki заказ заказа заказу трек трека трекномер отправление отправления посылка
		посылки посылку замовлення відправлення посилка посилки sipariş siparis siparişi kargo takip
		주문 주문번호 송장 운송장 송장번호 הזמנה משלוח`},
	{wPhone, `phone phones telephone tel mobile cell cellphone whatsapp whats viber telegram sms call ring text
		teléfono telefono móvil movil celular telefone telemóvel telemovel contacto téléphone portable tél
		handy telefon telefonnummer handynummer mobilnummer rufnummer cellulare telefoonnummer telefoon mobiel
		komórka komorka komórki telefonu numeru телефон телефона телефону тел мобильный моб мобільний
		телефоні номер gsm 전화 전화번호 휴대폰 핸드폰 연락처 טלפון נייד פלאפון
		llámame llamame llámanos llamar llamen ligue liga ligar ligue-me appelle appelez appeler anrufen ruf rufen
		chiamami chiamatemi chiamare bel bellen zadzwoń zadzwon dzwoń dzwon позвоните позвони звоните звони
		зателефонуйте подзвоніть дзвоніть дзвони arayın arayin ara 전화주세요 התקשרו תתקשר`},
	{wCard, `card cards tarjeta cartão cartao carte karte kreditkarte carta kaart karta karty kartę карта карты карту
		картка картки kart kartı karti 카드 כרטיס visa mastercard maestro amex`},
	{wAccount, `account acct iban sort routing bic swift bsb bank cuenta conta compte rib konto kontonummer conto
		rekening rekeningnummer rachunek rachunku nrb счет счёт счета счёта рахунок рахунку hesap 계좌 계좌번호
		חשבון בנק clabe agência agencia ag cc sortcode бик бік 예금주 입금 계좌이체 은행 신한 국민 우리 하나 농협 카카오뱅크 토스뱅크 케이뱅크`},
	{wID, `passport identity identification national licence license ssn social security tax taxpayer pesel
		snils tckn kimlik bsn burgerservicenummer fiscale personalausweis ausweis reisepass ausweisnummer
		pasaporte passaporte passeport passaporto paspoort paszport paszportu dowód dowodu osobisty пасп паспорт
		паспорта паспортные инн снилс паспорту pasaport 여권 주민등록번호 주민번호 외국인등록번호 דרכון תעודת זהות
		identité identidad identidade cédula cedula documento personnummer
		sécu secu sécurité securite sociale insee ת.ז ת"ז ת״ז рнокпп іпн ипн ідентифікаційний податковий steuer steuernummer steueridentifikationsnummer identifikationsnummer idnr nip`},
	{wAt, `at et arroba собака собачка собачку равлик равлика małpa malpa małpka klammeraffe chiocciola apenstaartje arobase
		골뱅이 שטרודל`},
	{wDot, `dot punto ponto точка kropka punkt punt point nokta krapka крапка крапку 점 닷 נקודה`},
	{wDigit, `zero oh one two three four five six seven eight nine cero uno dos tres cuatro cinco seis siete ocho
		nueve um dois três tres quatro sete oito nove zéro un deux trois quatre cinq sept huit neuf null eins zwei
		drei vier fünf sechs sieben acht neun due tre quattro sei sette otto nul een twee drie vijf zes zeven negen
		jeden dwa trzy cztery pięć piec sześć szesc siedem osiem dziewięć dziewiec ноль нуль один два три четыре
		пять шесть семь восемь девять чотири пʼять п'ять шість сім вісім девʼять дев'ять одна две дві dwie sıfır sifir bir iki üç
		dört beş altı yedi sekiz dokuz 공 영 일 이 삼 사 오 육 칠 팔 구 אפס אחת אחד שתיים שתים שלוש ארבע חמש שש
		שבע שמונה תשע`},
	{wTens, `ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
		sixty seventy eighty ninety diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve
		veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho
		veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa dez onze doze treze catorze quatorze
		quinze dezesseis dezasseis dezessete dezassete dezoito dezenove dezanove vinte trinta quarenta cinquenta
		sessenta oitenta dix douze treize seize vingt trente quarante soixante septante huitante octante nonante
		zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreißig dreissig
		vierzig fünfzig sechzig siebzig achtzig neunzig dieci undici dodici tredici quattordici quindici sedici
		diciassette diciotto diciannove venti trenta quaranta sessanta settanta ottanta novanta tien twaalf
		dertien veertien vijftien zestien zeventien achttien negentien twintig dertig veertig vijftig zestig
		zeventig tachtig negentig dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście
		siedemnaście osiemnaście dziewiętnaście dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt
		siedemdziesiąt osiemdziesiąt dziewięćdziesiąt десять одиннадцать двенадцать тринадцать четырнадцать
		пятнадцать шестнадцать семнадцать восемнадцать девятнадцать двадцать тридцать сорок пятьдесят
		шестьдесят семьдесят восемьдесят девяносто двадцять тридцять тринадцять одинадцять дванадцять чотирнадцять п'ятнадцять шістнадцять
		сімнадцять вісімнадцять дев'ятнадцять п'ятдесят шістдесят сімдесят вісімдесят дев'яносто yirmi otuz
		kırk elli altmış yetmiş seksen doksan עשר עשרים שלושים ארבעים חמישים שישים שבעים שמונים תשעים`},
	{wHundreds, `hundred cien ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos
		ochocientos novecientos cem cento duzentos trezentos quatrocentos quinhentos seiscentos setecentos
		oitocentos novecentos cent cents hundert einhundert honderd sto dwieście trzysta czterysta pięćset
		sześćset siedemset osiemset dziewięćset сто двести триста четыреста пятьсот шестьсот семьсот
		восемьсот девятьсот двісті чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот yüz מאה מאתיים`},
	{wTimes, `hundred cent cents hundert honderd cento yüz`},
	{wUnit, `gb mb tb kb pcs pc piece pieces pack packs set sets cm mm m km kg g mg ml l w kw v mah hz khz
		mhz ghz inch inches ft oz lb lbs mp fps rpm db lm k p pairs pair units unit
		days day dias días dia día jours jour tage tagen tag giorni giorno dagen dag dni dzień dnia дней дня день
		днів дні gün gündür 일 ימים hours hour horas hora heures heure stunden stunde ore ora uur godzin godziny
		часов часа час saat 시간 שעות minutes min minutos minuten minuti minuut minut минут dakika 분 weeks week
		semanas semana semaines semaine wochen woche settimane settimana weken week tygodni tygodnie недель
		недели неделю hafta 주 months month meses mes mois monate monat mesi mese maanden maand miesięcy
		miesiące месяцев месяца месяц ay 개월 years year anos años ans jahre anni jaar lat лет года yıl 년
		eur euro euros usd dollar dollars rub руб рублей ₽ zł zl pln tl lira won 원 nis ₪ brl reais real uah грн
		gbp pounds stück stk unidades unidad uds peças pecas pezzi stuks sztuk szt шт штук adet 개 יח
		colors colours colores cores couleurs farben colori kleuren kolory цветов renk sizes tallas tamanhos`},
	{wCarrier, `cainiao correios почта почтой почты inpost postnl dhl ups fedex usps gls dpd hermes sdek cdek сдэк
		boxberry yanwen yunexpress 4px evri chronopost colissimo seur ctt poste aras yurtiçi yurtici ptt
		cj대한통운 우체국 epacket aliexpress cainiaoexpress`},
	{wStreetPre, `rue avenue boulevard bd av chemin allée allee impasse quai cours route calle avenida avda paseo plaza
		carrer camino travesía travesia ronda rua travessa largo praça praca alameda estrada rodovia via viale
		piazza corso vicolo strada piazzale ul ulica ulicy al aleja alei os osiedle plac ул улица улице пр просп
		проспект пер переулок ш шоссе бул бульвар наб набережная пл площадь вул вулиця вулиці пров провулок col colonia
		רחוב רח שדרות שד`},
	{wStreetPost, `street st avenue ave road rd boulevard blvd lane ln drive dr court ct way place pl terrace close
		crescent square sq highway hwy parkway pkwy alley row mews gardens grove hill walk rise
		mahallesi mahalle mah mh sokak sokağı sokagi sok sk cadde caddesi cad cd bulvarı bulvari blv`},
	{wHouse, `flat apt apartment unit suite floor piso puerta andar apto apartamento bloco bloque étage etage bâtiment
		batiment bât bus wohnung whg stock interno scala appartamento lok lokal mieszkanie m d int appartement кв квартира дом д корп
		корпус стр строение эт этаж кім квартира буд будинок no daire kat blok 호 동 층 דירה קומה`},
	{wPostcode, `cep plz zip zipcode postcode postleitzahl cp индекс індекс מיקוד 우편번호`},
	{wFloor, `og eg dg ug stock etage étage obergeschoss piano andar piso kat этаж эт поверх piętro pietro
		verdieping floor`},
	{wCity, `city г город м місто obl обл область`},
	{wAddress, `address addresses dirección direccion domicilio endereço endereco morada adresse anschrift
		indirizzo adres adresu adresie адрес адреса адресу адресі 주소 כתובת`},
	{wHandle, `line discord telegram tg wechat weixin wx kakao kakaotalk skype instagram insta ig snapchat snap signal
		facebook fb vk вконтакте телеграм телеграмм телега тг ватсап вайбер 카톡 카카오톡 카카오 라인 텔레그램
		디스코드 위챗 טלגרם`},
	{wHandleID, `id username nick nickname handle ник никнейм логин аккаунт 아이디 닉네임 kullanıcı`},
	{wLead, `my me is at to on via under in the a an our here see visit number no nr num mine email mail e-mail
		contact details write reach send sent it please and or
		mi mis es en a al el la mon ma mes est au à le sur mein meine ist an unter il mio mia è al su mijn
		is op naar mój moja mojej jest na do мой моя мои мою это на по в benim numaram numarası 내 제 번호 שלי
		i you we he she they yo je ich io ik ja я ben 나 אני numer номер numéro número nummer מספר
		live lives living wohne vivo moro habite abito woon mieszkam живу живём yaşıyorum 살고 גר`},
	{wCalendar, `january february march april may june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec
		enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre janeiro fevereiro
		março abril maio junho julho setembro outubro novembro dezembro janvier février mars avril mai juin
		juillet août septembre octobre novembre décembre januar februar märz april juni juli oktober dezember
		montag dienstag mittwoch donnerstag freitag samstag sonntag gennaio febbraio aprile maggio giugno luglio
		settembre ottobre dicembre januari februari maart mei augustus stycznia lutego marca kwietnia maja
		czerwca lipca sierpnia września października listopada grudnia января февраля марта апреля мая июня
		июля августа сентября октября ноября декабря ocak şubat mart nisan mayıs haziran temmuz ağustos eylül
		ekim kasım aralık`},
	{wMailHost, `gmail googlemail yahoo hotmail outlook live msn icloud me mail yandex ya rambler ukr gmx web
		t-online freenet libero virgilio tiscali alice orange free laposte sfr wanadoo wp onet interia o2 op
		naver daum hanmail kakao walla protonmail proton aol comcast bol uol terra ziggo kpnmail hetnet telenet
		mynet qq 163 126 sina`},
	{wPrep, `am im an auf zum zur in`},
	{wParticle, `de la del las los da do dos das du des le van der den ter het di della delle dei degli von zu
		of the`},
	{wNeedDot, `д г м r c d st pl ul al os ш пр пер бул наб пл вул пров корп стр эт кім буд int rd dr ln ct sq av col`},
	{wConj, `and or but then also y e o et ou und oder ed ma en of ofwel i lub oraz и или а і або ve veya 및
		그리고 ו`},
	{wTLD, `com net org info biz io ru ua pl br fr cn kr il tr nl pt uk eu xyz shop store online site top club ру ком орг юа уа
		app dev link store ly gl su kz by cz sk ro hu gr ch au ca jp`},
}

// caseWords are acronyms that count only in capitals: in lowercase they
// are words of other languages.
var caseWords = map[string]uint32{
	"DNI": wID, "NIE": wID, "NIF": wID, "CPF": wID, "RG": wID, "INN": wID, "SSN": wID, "BSN": wID, "TC": wID,
	"NIR": wID, "ИНН": wID, "СНИЛС": wID, "NI": wID, "PESEL": wID, "TCKN": wID, "CF": wID, "CAP": wPostcode,
}

var piiWordTable struct {
	once sync.Once
	m    map[string]uint32
}

// piiWords returns the word table, built on first use.
func piiWords() map[string]uint32 {
	piiWordTable.once.Do(func() {
		m := make(map[string]uint32, 2500)
		for _, l := range piiWordLists {
			for _, w := range strings.Fields(l.words) {
				m[w] |= l.flag
			}
		}
		// buyers type on phones without accents: "zamowienie", "telefono",
		// "sifir" read as "zamówienie", "teléfono", "sıfır"
		for _, l := range piiWordLists {
			for _, w := range strings.Fields(l.words) {
				if f := foldAccents(w); f != w {
					m[f] |= l.flag
				}
			}
		}
		piiWordTable.m = m
	})
	return piiWordTable.m
}

// usStates are the two-letter codes a US ZIP code follows.
const usStates = ` AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC `

// tlds are the top-level domains a bare domain can end in: the generic
// ones in common use and every country code.
var tldTable struct {
	once sync.Once
	m    map[string]bool
}

const tldList = `com net org edu gov mil int info biz name pro xyz top site online store shop club live life link page
app dev fun icu click vip win bid work tech space website cloud blog news art one wiki email today world agency
digital market ltd company group global asia mobi tel travel jobs cat moe lol buzz rest bar best cyou sbs cfd
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc
cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga
gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp
ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms
mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro
rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt
tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw рф укр 한국 ру ком орг юа уа`

// wordTLDs are top-level domains that are also short words in the
// markets' languages: a bare domain ending in one needs a path, "www" or
// a third label to count ("broken.it", "gut.de" typed without a space).
const wordTLDs = ` it in me to at is no be do so us my am as by go if of on or up we la el es tu se si il et en na ne
po za ya da ok de al ma mi mo ni nu ac ad an ar ci co cu em er ge gi ha he hi ho id ki ko ku le li lo lu mu ne ob
om pa pe re sa sk so ta te ti tv ve vi yo eu ch cz tw `

func tlds() map[string]bool {
	tldTable.once.Do(func() {
		m := map[string]bool{}
		for _, w := range strings.Fields(tldList) {
			m[w] = true
		}
		tldTable.m = m
	})
	return tldTable.m
}

// lookupWord returns the flags of a word token: its lowercase form in the
// table, and the capitals-only acronyms as written.
func lookupWord(s string, buf *[]byte) uint32 {
	f := caseWords[s]
	*buf = lowerWord(s, *buf)
	f |= piiWords()[string(*buf)]
	if f != 0 || len(s) < 6 || s[0] < utf8.RuneSelf {
		return f
	}
	// Korean banks are named with 은행 (bank) written on: 국민은행
	if strings.HasSuffix(s, "은행") {
		return wAccount
	}
	// Hebrew writes in, to, from, and, the on the word: ברחוב, לכתובת
	if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune("בלמוהש", r) {
		if g := piiWords()[s[size:]]; g&hebrewPrefixed != 0 {
			return g & hebrewPrefixed
		}
	}
	return f
}

// hebrewPrefixed are the flags a Hebrew word keeps with a prefix letter.
const hebrewPrefixed = wStreetPre | wAddress | wPhone | wCard | wAccount | wID | wHouse | wOrder

// lowerWord lowercases s into buf (ASCII fast, other letters by rune).
func lowerWord(s string, buf []byte) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			// ſ (long s) reads as s, as a capital shows it
			return append(buf[:0], strings.ReplaceAll(strings.ToLower(s), "ſ", "s")...)
		}
		if isUpper(c) {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// accentPairs maps the accented Latin letters of the markets' languages to
// the plain letters typed when accents are left out.
const accentPairs = "àaáaâaãaäaåaąaçcćcčcèeéeêeëeęeğgìiíiîiïiıiłlñnńnòoóoôoõoöoşsśsšsùuúuûuüuýyÿyźzżzžz"

// foldAccents returns w with its accented Latin letters made plain, or w
// itself when it has none.
func foldAccents(w string) string {
	var b []byte
	for i, r := range w {
		plain := rune(0)
		if r >= 0xC0 && r < 0x250 {
			for k, p := range accentPairs {
				if p == r && k%3 == 0 {
					plain = rune(accentPairs[k+2])
					break
				}
			}
		}
		if plain == 0 {
			if b != nil {
				b = utf8.AppendRune(b, r)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(w)), w[:i]...)
		}
		b = append(b, byte(plain))
	}
	if b == nil {
		return w
	}
	return string(b)
}
