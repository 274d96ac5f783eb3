package assistant

// EvidenceID names a kind of evidence (dispute-v1, "Evidence ids").
type EvidenceID string

const (
	PhotosItem               EvidenceID = "photos_item"
	PhotosPackaging          EvidenceID = "photos_packaging"
	UnboxingVideo            EvidenceID = "unboxing_video"
	ListingScreenshot        EvidenceID = "listing_screenshot"
	SelectedOptionScreenshot EvidenceID = "selected_option_screenshot"
	SellerChat               EvidenceID = "seller_chat"
	RefundRequestRecord      EvidenceID = "refund_request_record"
	TrackingRecord           EvidenceID = "tracking_record"
	CustomsNotice            EvidenceID = "customs_notice"
	ServiceReport            EvidenceID = "service_report"
	QuantityPhoto            EvidenceID = "quantity_photo"
	PaymentRecord            EvidenceID = "payment_record"
)

// EvidenceIDs lists every evidence id in the contract's order.
var EvidenceIDs = []EvidenceID{PhotosItem, PhotosPackaging, UnboxingVideo, ListingScreenshot,
	SelectedOptionScreenshot, SellerChat, RefundRequestRecord, TrackingRecord, CustomsNotice,
	ServiceReport, QuantityPhoto, PaymentRecord}

// Evidence is one thing to collect for a dispute and why it helps.
type Evidence struct {
	ID       EvidenceID
	Required bool
	Why      string
}

// ValidEvidenceID reports whether s is an evidence id of the contract.
func ValidEvidenceID(s string) bool {
	for _, id := range EvidenceIDs {
		if string(id) == s {
			return true
		}
	}
	return false
}

// Why a piece of evidence helps, in the words several claims share.
const (
	whyChat          = "Your messages with the seller show you tried to settle it with them first."
	whyRefundRequest = "The date of your refund request starts the seller's 10 days."
	whyPayment       = "The order's payment page shows you paid through the platform."
	whyTracking      = "The carrier's tracking page shows where the parcel stopped."
	whyListing       = "The listing as it was when you bought shows what was promised."
	whyUnboxing      = "A video from the sealed parcel to the item shows the problem was there on arrival."
)

// What each claim needs: the contract's minimum marked required, then what
// usually helps. Constants only, so the linker lays the slices out and
// nothing is built at start.
var (
	evidenceNotReceived = []Evidence{
		{TrackingRecord, true, whyTracking},
		{SellerChat, true, whyChat},
		{RefundRequestRecord, true, whyRefundRequest},
		{PaymentRecord, true, whyPayment},
	}
	// not_received with a customs seizure also needs the customs notice.
	evidenceSeized = []Evidence{
		{TrackingRecord, true, whyTracking},
		{SellerChat, true, whyChat},
		{RefundRequestRecord, true, whyRefundRequest},
		{PaymentRecord, true, whyPayment},
		{CustomsNotice, true, "The customs letter says why the parcel was held, which decides who is at fault."},
	}
	evidenceNotAsDescribed = []Evidence{
		{PhotosItem, true, "Clear photos of the item show the problem itself."},
		{ListingScreenshot, true, whyListing},
		{SelectedOptionScreenshot, true, "Your order page shows the size, colour or model you chose."},
		{UnboxingVideo, true, whyUnboxing},
		{SellerChat, true, whyChat},
		{RefundRequestRecord, false, whyRefundRequest},
		{PaymentRecord, false, whyPayment},
	}
	evidenceCounterfeit = []Evidence{
		{PhotosItem, true, "Close photos of logos, labels and serial numbers show what makes it fake."},
		{ListingScreenshot, true, whyListing},
		{UnboxingVideo, true, whyUnboxing},
		{SellerChat, true, whyChat},
		{PhotosPackaging, false, "Photos of the box and any certificates help compare with the genuine product."},
		{RefundRequestRecord, false, whyRefundRequest},
		{PaymentRecord, false, whyPayment},
	}
	evidenceBroken = []Evidence{
		{PhotosItem, true, "Photos of the damage, or of the item failing, show the fault."},
		{UnboxingVideo, true, "A video from the sealed parcel shows the item arrived broken."},
		{PhotosPackaging, true, "Photos of the box show whether it was damaged in transit."},
		{ServiceReport, false, "A repair shop's note confirms a fault you cannot show in a photo."},
		{SellerChat, true, whyChat},
		{RefundRequestRecord, false, whyRefundRequest},
		{PaymentRecord, false, whyPayment},
	}
	evidenceMissingParts = []Evidence{
		{QuantityPhoto, true, "One photo with everything that arrived laid out and counted."},
		{PhotosPackaging, true, "Photos of the box and labels show the parcel's condition and that it is this order."},
		{ListingScreenshot, true, whyListing},
		{UnboxingVideo, true, whyUnboxing},
		{SellerChat, true, whyChat},
		{RefundRequestRecord, false, whyRefundRequest},
		{PaymentRecord, false, whyPayment},
	}
)

// EvidenceFor returns the evidence a claim needs. The slice is shared: do not
// modify it.
func EvidenceFor(f *Facts) []Evidence {
	switch f.Claim {
	case NotReceived:
		if f.Tracking == TrackingSeized {
			return evidenceSeized
		}
		return evidenceNotReceived
	case NotAsDescribed:
		return evidenceNotAsDescribed
	case Counterfeit:
		return evidenceCounterfeit
	case Broken:
		return evidenceBroken
	case MissingParts:
		return evidenceMissingParts
	}
	return nil
}
