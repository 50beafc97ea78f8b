// The int8 GEMV's C rows (Sources/KernelsIntDot/int8_dot.c) against the exact definition and against a C triad,
// interleaved, outside archcalc: scripts/bench-int8-rows.sh builds and runs it. Rows: best and median GB/s of
// weights plus scales (triad: 24 bytes per element), over 9 rounds.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <stdint.h>
#include <math.h>
#include <immintrin.h>
#include "int8_dot.c"
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
__attribute__((noinline)) void triad(double*a,const double*b,const double*c,long n){for(long i=0;i<n;i++)a[i]=b[i]+3.0*c[i];}
int main(){
  long n=14336,k=4096,group=32,groups=k/group;
  int8_t*q=aligned_alloc(64,n*k); float*sc=aligned_alloc(64,n*groups*4); int16_t*xq=aligned_alloc(64,k*2); float*xs=aligned_alloc(64,groups*4); float*y=aligned_alloc(64,n*4),*y2=aligned_alloc(64,n*4);
  for(long i=0;i<n*k;i++)q[i]=(int8_t)(rand()%255-127); for(long i=0;i<n*groups;i++)sc[i]=0.01f*(i%7+1); for(long i=0;i<k;i++)xq[i]=(int16_t)(rand()%65535-32767); for(long i=0;i<groups;i++)xs[i]=1e-4f*(i%5+1);
  // exact reference for odd group counts too
  for (long kk=32; kk<=4096; kk = kk<256? kk+32 : kk*2) { long gg=kk/32; double worst=0;
    for (int path=0; path<2; path++){ float yy[64];
      if(path==0) archcalc_int8_rows_vnni512(64,kk,32,q,sc,xq,xs,yy,1); else archcalc_int8_rows_avx2(64,kk,32,q,sc,xq,xs,yy,1);
      for(long r=0;r<64;r++){ double ref=0,mag=0; for(long g=0;g<gg;g++){ long d=0; for(long i=0;i<32;i++) d+=(long)q[r*kk+g*32+i]*xq[g*32+i]; ref+=(double)sc[r*gg+g]*xs[g]*d; mag+=fabs((double)sc[r*gg+g]*xs[g]*d);} double e=fabs(yy[r]-ref)/(mag+1e-30); if(e>worst)worst=e; } }
    if (worst>1e-5) printf("k=%ld worst rel err %.2e\n",kk,worst); }
  printf("checked\n");
  long tn=128L*1024*1024/8; double*A=malloc(tn*8),*B=malloc(tn*8),*C=malloc(tn*8); for(long i=0;i<tn;i++){A[i]=0;B[i]=1;C[i]=2;}
  double bytes=(double)n*k+(double)n*groups*4;
  const char*names[]={"triad","vnni512 g32","avx2 g32","vnni512 g64","vnni512 g32 x4"}; int NV=5; double best[5],med[5][9];
  for(int v=0;v<NV;v++)best[v]=1e9;
  for(int round=0;round<9;round++) for(int v=0;v<NV;v++){
    double t0=now(); volatile double s=0;
    switch(v){case 0: triad(A,B,C,tn);s=A[7];break;
      case 1: archcalc_int8_rows_vnni512(n,k,group,q,sc,xq,xs,y,1);break; case 2: archcalc_int8_rows_avx2(n,k,group,q,sc,xq,xs,y,1);break;
      case 3: archcalc_int8_rows_vnni512(n,k,64,q,sc,xq,xs,y,1);break; case 4: archcalc_int8_rows_vnni512(n,k,group,q,sc,xq,xs,y,4);break;}
    double t=now()-t0; med[v][round]=t; if(t<best[v])best[v]=t;
  }
  for(int v=0;v<NV;v++){double b= v==0? 24.0*tn : v==3? (double)n*k+(double)n*(k/64)*4 : bytes;
    double*m=med[v]; for(int i=0;i<9;i++)for(int j=i+1;j<9;j++)if(m[j]<m[i]){double t=m[i];m[i]=m[j];m[j]=t;}
    printf("%-12s best %5.1f median %5.1f GB/s\n",names[v],b/best[v]/1e9,b/m[4]/1e9);}
}
