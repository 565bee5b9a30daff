// LaTeX mathematics as students paste it from notebooks and reports. No actions: LatexAstBuilder
// turns the tree into the same deriv.expr records as the plain language. The lexer skips spacing,
// \left, \right and sizing commands; LatexParsing drops layout (&, \\ between rows, prose \text)
// before the parser sees the tokens, and reports unsupported commands and unbalanced braces first.
grammar LatexMath;

// PROSE: a \text{...} word inside cases ("if", "otherwise"); LatexParsing retypes such TEXT tokens
tokens { PROSE }

math
    : expr EOF
    ;

// a leading sign applies to the whole first term: -x^2 y is -(x^2 y)
expr
    : sign=(PLUS | MINUS)? term (ops+=(PLUS | MINUS) term)*
    ;

// juxtaposition is multiplication (2a, W x, 2\sigma(x)); a sign may follow an explicit operator
// only (e^{-a} \cdot -1). A derivative operator \frac{d}{dx} applies to the rest of its term.
term
    : factor product*
    ;

product
    : op=(CDOT | STAR | SLASH | DIV) sign=(PLUS | MINUS)? factor    # explicitProduct
    | factor                                                        # implicitProduct
    ;

factor
    : atom (CARET sup=arg)?
    ;

atom
    : number                                                        # numberAtom
    | variable                                                      # variableAtom
    | PARTIAL                                                       # partialAtom
    | DMARK                                                         # differentialAtom
    | fraction                                                      # fractionAtom
    | root                                                          # rootAtom
    | FUNC (UNDERSCORE base=arg)? (CARET power=arg)? fnArg          # functionAtom
    | OPNAME (CARET power=arg)? fnArg                               # operatorAtom
    | NAME (UNDERSCORE sub=arg)? callArgs?                          # namedAtom
    | TEXT callArgs?                                                # textAtom
    | callArgs                                                      # parens
    | LBRACKET expr RBRACKET                                        # brackets
    | LCURLY expr RCURLY                                            # curlyBrackets
    | LBRACE expr RBRACE                                            # group
    | BAR expr BAR                                                  # abs
    | LVERT expr RVERT                                              # absVert
    | STYLE arg                                                     # styled
    | ACCENT arg                                                    # accented
    | BEGIN_CASES caseRow (NEWROW caseRow)* NEWROW? END_CASES       # cases
    ;

number
    : NUMBER
    ;

// one letter (Latin or Greek) with an optional subscript that becomes part of the name
variable
    : name=(LETTER | GREEK) (UNDERSCORE sub=arg)?
    ;

fraction
    : FRAC numer=arg denom=arg                                      # fullFraction
    | FRAC_DIGITS                                                   # digitFraction
    ;

root
    : SQRT (LBRACKET index=expr RBRACKET)? radicand=arg
    ;

// the argument of a command: braces, or one token as TeX reads it (x^2, x_i, \frac a b); a
// number of several digits is refused there (TeX would take its first digit only)
arg
    : LBRACE expr RBRACE                                            # bracedArg
    | tok=(NUMBER | LETTER | GREEK | PARTIAL)                       # tokenArg
    ;

callArgs
    : LPAREN expr (COMMA expr)* RPAREN
    ;

// \sin(x), \sin[x], or without brackets \sin x, \sin 2x, \ln|x|, \ln \frac{1}{x}, \log \sigma(z)
fnArg
    : callArgs                                                      # parenArgs
    | LBRACKET expr RBRACKET                                        # bracketArgs
    | bare+                                                         # bareArgs
    ;

bare
    : bareAtom (CARET sup=arg)?
    ;

bareAtom
    : number                                                        # bareNumber
    | variable callArgs                                             # bareCall
    | variable                                                      # bareVariable
    | fraction                                                      # bareFraction
    | root                                                          # bareRoot
    | LBRACE expr RBRACE                                            # bareGroup
    | BAR expr BAR                                                  # bareAbs
    | LVERT expr RVERT                                              # bareAbsVert
    ;

// v & \text{if } x > 0  |  w & \text{otherwise}  |  w & x \leq 0 (the last row's condition is taken to hold)
caseRow
    : value=expr COMMA? (AMP cond=caseCondition)?
    ;

caseCondition
    : PROSE* left=expr rel=(LT | GT | LE | GE) right=expr          # comparison
    | PROSE*                                                       # noCondition
    ;

// ------------------------------------------------------------------------------------- lexer

BEGIN_CASES : '\\begin' SP* '{' ('cases' | 'dcases') '}' ;
END_CASES   : '\\end' SP* '{' ('cases' | 'dcases') '}' ;
// with the column count of alignat or the column spec of array
BEGIN_ENV   : '\\begin' SP* '{' [a-zA-Z*]+ '}' ('{' [0-9lcr|@ ]+ '}')? ;
END_ENV     : '\\end' SP* '{' [a-zA-Z*]+ '}' ;

FRAC    : '\\frac' | '\\dfrac' | '\\tfrac' | '\\cfrac' ;
// \frac12 is one half: TeX takes one digit for each argument
FRAC_DIGITS : ('\\frac' | '\\dfrac' | '\\tfrac') SP* [0-9] SP* [0-9] ;
SQRT    : '\\sqrt' ;
PARTIAL : '\\partial' ;
FUNC    : '\\' ( 'sin' | 'cos' | 'tan' | 'sec' | 'csc' | 'cot' | 'arcsin' | 'arccos' | 'arctan'
               | 'sinh' | 'cosh' | 'tanh' | 'exp' | 'ln' | 'log' | 'min' | 'max' ) ;
// an upright d is the differential of Leibniz notation
DMARK   : '\\' ('mathrm' | 'operatorname' | 'text' | 'textrm' | 'mathit') SP* '{' SP* 'd' SP* '}' ;
OPNAME  : '\\operatorname' '*'? SP* '{' ~[{}]* '}' ;
NAME    : '\\' ('mathrm' | 'mathit' | 'mathsf' | 'mathtt' | 'mathnormal') SP* '{' ~[{}]* '}' ;
TEXT    : '\\' ( 'text' | 'textrm' | 'textit' | 'textsf' | 'texttt' | 'textup' | 'textnormal' | 'textbf' | 'mbox'
               | 'intertext' | 'shortintertext' )
          SP* '{' ~[{}]* '}' ;
STYLE   : '\\' ('mathbf' | 'boldsymbol' | 'bm' | 'vec' | 'mathbb' | 'mathcal' | 'pmb' | 'boxed') ;
ACCENT  : '\\' ('hat' | 'widehat' | 'bar' | 'overline' | 'tilde' | 'widetilde') ;
GREEK   : '\\' ( 'alpha' | 'beta' | 'gamma' | 'delta' | 'epsilon' | 'varepsilon' | 'zeta' | 'eta' | 'theta'
               | 'vartheta' | 'iota' | 'kappa' | 'varkappa' | 'lambda' | 'mu' | 'nu' | 'xi' | 'pi' | 'varpi' | 'rho'
               | 'varrho' | 'sigma' | 'varsigma' | 'tau' | 'upsilon' | 'phi' | 'varphi' | 'chi' | 'psi'
               | 'omega' | 'Gamma' | 'Delta' | 'Theta' | 'Lambda' | 'Xi' | 'Pi' | 'Sigma' | 'Upsilon' | 'Phi'
               | 'Psi' | 'Omega' ) ;

CDOT    : '\\cdot' | '\\times' | '\\ast' | '\u00B7' | '\u00D7' | '\u22C5' ;
DIV     : '\\div' | '\u00F7' ;
DEFINE  : ':=' | '\\coloneqq' | '\\coloneq' | '\\triangleq' | '\u2254' ;
LE      : '\\le' | '\\leq' | '\\leqslant' | '<=' | '\u2264' ;
GE      : '\\ge' | '\\geq' | '\\geqslant' | '>=' | '\u2265' ;
LT      : '<' | '\\lt' ;
GT      : '>' | '\\gt' ;
LCURLY  : '\\{' | '\\lbrace' ;
RCURLY  : '\\}' | '\\rbrace' ;
// \left| and \right| are told apart, so that |a| |b| needs no guessing when they are used
LVERT   : '\\lvert' | ('\\left' | '\\bigl' | '\\Bigl' | '\\biggl' | '\\Biggl') SP* ('|' | '\\vert' | '\\lvert') ;
RVERT   : '\\rvert' | ('\\right' | '\\bigr' | '\\Bigr' | '\\biggr' | '\\Biggr') SP* ('|' | '\\vert' | '\\rvert') ;
BAR     : '|' | '\\vert' | '\\mid' ;
LPAREN  : '(' | '\\lparen' ;
RPAREN  : ')' | '\\rparen' ;
LBRACKET : '[' | '\\lbrack' ;
RBRACKET : ']' | '\\rbrack' ;
NEWROW  : '\\\\' ('[' ~[\]]* ']')? ;

// \left and \right only size their delimiter (\left. and \right. are invisible); spacing is layout
SIZING  : ( '\\left' SP* '.' | '\\right' SP* '.' | '\\left' | '\\right' | '\\middle'
          | ('\\big' | '\\Big' | '\\bigg' | '\\Bigg') [lrm]? ) -> skip ;
SPACING : ( '\\,' | '\\;' | '\\:' | '\\!' | '\\ ' | '\\>' | '~' | '\\quad' | '\\qquad' | '\\thinspace'
          | '\\displaystyle' | '\\textstyle' | '\\scriptstyle' | '\\nonumber' | '\\notag'
          | ('\\label' | '\\tag' | '\\hspace' | '\\vspace') '*'? SP* '{' ~[{}]* '}' ) -> skip ;

CMD        : '\\' [a-zA-Z]+ ;
CMD_SYMBOL : '\\' ~[a-zA-Z \t\r\n] ;

NUMBER  : [0-9]+ ('.' [0-9]+)? | '.' [0-9]+ ;
LETTER  : [a-zA-Z] | [\u0391-\u03A9\u03B1-\u03C9\u03D1\u03D5] ;
DOT     : '.' ;
COMMA   : ',' ;
SEMI    : ';' ;
EQ      : '=' ;
AMP     : '&' ;
PLUS    : '+' ;
MINUS   : '-' | '\u2212' ;
STAR    : '*' ;
SLASH   : '/' ;
CARET   : '^' ;
UNDERSCORE : '_' ;
PRIME   : '\'' | '\u2032' ;
LBRACE  : '{' ;
RBRACE  : '}' ;

COMMENT : '%' ~[\r\n]* -> skip ;
WS      : [ \t\r\n\f\u00A0]+ -> skip ;

fragment SP : [ \t\r\n] ;
