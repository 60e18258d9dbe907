package istatement_test

import (
	"fmt"

	"kintsugi/app/istatement"
)

func Example() {
	s := istatement.Statement{
		Observation: "You always come home late",
		Feeling:     "I feel like you don't care, and abandoned",
		Need:        "I need you to be honest",
		Request:     "be more considerate",
	}
	fmt.Println(s.Sentence())
	for _, f := range s.Check() {
		fmt.Printf("%s, %s: %q\n  %s\n  %s\n", f.Part, f.Rule, f.Quote, f.Message, f.Suggestion)
	}

	better := istatement.Statement{
		Observation: "you came home at eleven on Tuesday without texting",
		Feeling:     "scared, and then lonely",
		Need:        "to know you are safe",
		Request:     "send me a message if you'll be later than nine",
	}
	fmt.Println(better.Sentence())
	fmt.Println(len(better.Check()), "hints")
	// Output:
	// When you always come home late, I feel like you don't care, and abandoned, because I need you to be honest. Would you be more considerate?
	// observation, general: "always"
	//   "always" invites a debate about the exceptions, and the one time it did not happen can become the topic instead of what you feel.
	//   Pick one recent, specific time and describe just that.
	// feeling, thought: "I feel like"
	//   "I feel like" usually brings in a thought rather than a feeling. If you can swap "feel" for "think" and it still makes sense, it is a thought, and a thought invites an argument about whether it is true.
	//   Ask yourself what you feel when you think it, perhaps scared, hurt or lonely, and say that.
	// feeling, judgement: "abandoned"
	//   "abandoned" says what someone did to you more than what is happening inside you. Your partner may hear it as a charge and defend, and the feeling gets lost.
	//   The feeling underneath might be alone, scared or lonely.
	// need, need-as-request: "need you to"
	//   "need you to" asks your partner to do something, which makes it a request. A need is what matters to you underneath: safety, honesty, reassurance, rest, closeness.
	//   Move the action to "What I am asking", and name the need here.
	// request, vague: "be more considerate"
	//   "be more considerate" is hard to act on: your partner may not know what it would look like, or when they have done it.
	//   Ask for one thing you could see happen this week: who does what, and when.
	// When you came home at eleven on Tuesday without texting, I feel scared, and then lonely, because I need to know you are safe. Would you send me a message if you'll be later than nine?
	// 0 hints
}
